package org.splicecbm.backbone.transformer;

/**
 * Shape of a CLIP text tower: token + position embeddings, a causal encoder, final LayerNorm, pooling at
 * the end-of-text token and a bias-free projection.
 *
 * @param projectionDim width of the joint embedding space
 */
public record TextTowerConfig(EncoderShape encoder, int vocabSize, int contextLength, int projectionDim,
                              EosPooling pooling) {
    public TextTowerConfig {
        if (vocabSize <= 0 || contextLength <= 0 || projectionDim <= 0) {
            throw new IllegalArgumentException("text tower sizes must be positive, found vocab=" + vocabSize
                    + " context=" + contextLength + " projection=" + projectionDim);
        }
    }
}
