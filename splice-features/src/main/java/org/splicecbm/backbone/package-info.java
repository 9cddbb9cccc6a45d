/**
 * The CLIP backbone, the first stage of the flow: {@link org.splicecbm.backbone.ClipBackbone} (the interface: images
 * and texts to unit embeddings), {@link org.splicecbm.backbone.ClipModels} (open by SpLiCE name, hub repository or
 * folder), {@link org.splicecbm.backbone.EngineBackbone}, {@link org.splicecbm.backbone.HfClipBackbone} and the
 * tokenizer. Sub-packages hold the towers ({@code transformer}, {@code openclip}) and checkpoint reading
 * ({@code weights}). Uses {@code engine}, {@code hub}, {@code image}, {@code torch}; {@code concepts} comes next.
 */
package org.splicecbm.backbone;
