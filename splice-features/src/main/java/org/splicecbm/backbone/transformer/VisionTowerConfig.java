package org.splicecbm.backbone.transformer;

/**
 * Shape of a CLIP ViT image tower: a bias-free patch-embedding convolution, class token, position
 * embeddings, pre-LayerNorm, encoder, post-LayerNorm on the class token and a bias-free projection.
 */
public record VisionTowerConfig(EncoderShape encoder, int imageSize, int patchSize, int channels,
                                int projectionDim) {
    public VisionTowerConfig {
        if (patchSize <= 0 || imageSize <= 0 || imageSize % patchSize != 0 || channels <= 0 || projectionDim <= 0) {
            throw new IllegalArgumentException("image_size " + imageSize + " must be a positive multiple of"
                    + " patch_size " + patchSize + " (channels " + channels + ", projection " + projectionDim + ")");
        }
    }

    /** Patches per side. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    /** Sequence length: one class token plus one token per patch. */
    public int tokens() {
        return 1 + gridSize() * gridSize();
    }
}
