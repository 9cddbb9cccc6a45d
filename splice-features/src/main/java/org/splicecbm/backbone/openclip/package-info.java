/**
 * OpenCLIP checkpoints: {@link org.splicecbm.backbone.openclip.OpenClipBackbone} and OpenAI's modified ResNet (stem,
 * anti-aliased bottlenecks, attention pooling). Part of the {@code backbone} layer; uses {@code backbone.transformer}
 * for the text tower.
 */
package org.splicecbm.backbone.openclip;
