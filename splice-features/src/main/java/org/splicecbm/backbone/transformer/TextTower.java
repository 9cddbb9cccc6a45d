package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * CLIP's text tower (Radford et al., 2021): token + position embeddings, a causal pre-LN encoder,
 * final LayerNorm and a bias-free projection of the end-of-text token's state. Shared by the Hugging
 * Face and OpenCLIP loaders, which differ only in how they name and lay out these tensors.
 */
public final class TextTower {
    /** Additive mask value for blocked keys: finite so that softmax never sees inf - inf. */
    private static final float BLOCKED = -Float.MAX_VALUE;

    private final TextTowerConfig config;
    private final NDArray tokenEmbedding;
    private final NDArray positionEmbedding;
    private final TransformerEncoder encoder;
    private final LayerNormWeights finalNorm;
    private final NDArray projection;

    /**
     * @param tokenEmbedding    {@code [vocab, width]}
     * @param positionEmbedding {@code [context, width]}
     * @param projection        {@code [projectionDim, width]} (nn.Linear layout; transpose OpenAI's
     *                          {@code text_projection}, which is {@code [width, projectionDim]})
     */
    public TextTower(TextTowerConfig config, NDArray tokenEmbedding, NDArray positionEmbedding,
                     TransformerEncoder encoder, LayerNormWeights finalNorm, NDArray projection) {
        this.config = config;
        this.tokenEmbedding = tokenEmbedding;
        this.positionEmbedding = positionEmbedding;
        this.encoder = encoder;
        this.finalNorm = finalNorm;
        this.projection = projection;
    }

    public TextTowerConfig config() {
        return config;
    }

    /**
     * Embeds a batch of token rows.
     *
     * @param scope     manager that owns every array created here (close it to free them)
     * @param ids       rows of exactly {@code contextLength} token ids
     * @param attention 1 for real tokens, 0 for padding (same shape as ids), or {@code null} for all 1
     * @return {@code [rows, projectionDim]}, in {@code scope}
     */
    public NDArray embed(NDManager scope, long[][] ids, long[][] attention) {
        int rows = ids.length;
        int length = config.contextLength();
        NDArray hidden = embedTokens(scope, ids);
        NDArray mask = scope.create(additiveMask(ids, attention), new Shape(rows, 1, length, length));
        NDArray encoded = encoder.forward(hidden, mask);
        long[] pooledRows = new long[rows];
        for (int r = 0; r < rows; r++) {
            pooledRows[r] = (long) r * length + config.pooling().position(ids[r]);
        }
        NDArray flat = encoded.reshape(rows * (long) length, config.encoder().width());
        NDArray pooled = flat.get(scope.create(pooledRows));
        NDArray normed = finalNorm.apply(pooled, config.encoder().layerNormEps());
        return Linear.linear(normed, projection).singletonOrThrow();
    }

    private NDArray embedTokens(NDManager scope, long[][] ids) {
        long[] flat = new long[ids.length * config.contextLength()];
        for (int r = 0; r < ids.length; r++) {
            if (ids[r].length != config.contextLength()) {
                throw new IllegalArgumentException("every token row must have " + config.contextLength()
                        + " ids, row " + r + " has " + ids[r].length);
            }
            for (int i = 0; i < ids[r].length; i++) {
                if (ids[r][i] < 0 || ids[r][i] >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + ids[r][i] + " in row " + r
                            + " is outside the vocabulary [0, " + config.vocabSize() + ")");
                }
            }
            System.arraycopy(ids[r], 0, flat, r * config.contextLength(), config.contextLength());
        }
        NDArray tokens = tokenEmbedding.get(scope.create(flat));
        tokens.attach(scope);
        NDArray shaped = tokens.reshape(ids.length, config.contextLength(), config.encoder().width());
        return shaped.addi(positionEmbedding);
    }

    /** Causal mask combined with the padding mask, as transformers' CLIPTextTransformer applies both. */
    private float[] additiveMask(long[][] ids, long[][] attention) {
        int length = config.contextLength();
        float[] mask = new float[ids.length * length * length];
        for (int r = 0; r < ids.length; r++) {
            for (int q = 0; q < length; q++) {
                for (int k = 0; k < length; k++) {
                    boolean padded = attention != null && attention[r][k] == 0;
                    if (k > q || padded) {
                        mask[(r * length + q) * length + k] = BLOCKED;
                    }
                }
            }
        }
        return mask;
    }
}
