/**
 * The pre-LN transformer every CLIP tower shares: {@link org.splicecbm.backbone.transformer.TransformerEncoder},
 * the vision and text towers, HF and OpenAI weight naming ({@link org.splicecbm.backbone.transformer.LayerNaming})
 * and end-of-text pooling. Part of the {@code backbone} layer.
 */
package org.splicecbm.backbone.transformer;
