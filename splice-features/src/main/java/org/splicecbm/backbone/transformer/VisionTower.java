package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;

/**
 * CLIP's ViT image tower (Dosovitskiy et al., 2021; Radford et al., 2021): non-overlapping patches
 * projected by a bias-free convolution (computed here as one matmul over unfolded patches, which is
 * the same arithmetic), a learned class token, position embeddings, pre-LayerNorm, the encoder,
 * post-LayerNorm of the class token and a bias-free projection.
 */
public final class VisionTower {
    private final VisionTowerConfig config;
    private final NDArray patchWeight;
    private final NDArray classEmbedding;
    private final NDArray positionEmbedding;
    private final LayerNormWeights preNorm;
    private final TransformerEncoder encoder;
    private final LayerNormWeights postNorm;
    private final NDArray projection;

    /**
     * @param patchWeight       convolution kernel {@code [width, channels, patch, patch]}
     * @param classEmbedding    {@code [width]}
     * @param positionEmbedding {@code [tokens, width]}
     * @param projection        {@code [projectionDim, width]} (nn.Linear layout)
     */
    public VisionTower(VisionTowerConfig config, NDArray patchWeight, NDArray classEmbedding,
                       NDArray positionEmbedding, LayerNormWeights preNorm, TransformerEncoder encoder,
                       LayerNormWeights postNorm, NDArray projection) {
        this.config = config;
        int width = config.encoder().width();
        this.patchWeight = patchWeight.reshape(width, (long) config.channels() * config.patchSize() * config.patchSize());
        this.classEmbedding = classEmbedding.reshape(1, 1, width);
        this.positionEmbedding = positionEmbedding;
        this.preNorm = preNorm;
        this.encoder = encoder;
        this.postNorm = postNorm;
        this.projection = projection;
    }

    public VisionTowerConfig config() {
        return config;
    }

    /**
     * Embeds preprocessed images.
     *
     * @param pixels {@code [batch, channels, imageSize, imageSize]}
     * @return {@code [batch, projectionDim]} in the pixels' manager
     */
    public NDArray embed(NDArray pixels) {
        long batch = pixels.getShape().get(0);
        NDArray patches = patchEmbed(pixels, batch);
        NDArray classToken = classEmbedding.broadcast(batch, 1, config.encoder().width());
        classToken.attach(pixels.getManager());
        NDArray tokens = NDArrays.concat(new NDList(classToken, patches), 1);
        closeAll(classToken, patches);
        tokens.addi(positionEmbedding);
        NDArray normed = preNorm.apply(tokens, config.encoder().layerNormEps());
        tokens.close();
        NDArray encoded = encoder.forward(normed, null);
        normed.close();
        NDArray first = encoded.get(new NDIndex(":, 0, :"));
        NDArray pooled = postNorm.apply(first, config.encoder().layerNormEps());
        NDArray projected = Linear.linear(pooled, projection).singletonOrThrow();
        closeAll(encoded, first, pooled);
        return projected;
    }

    /** Unfolds stride-p patches to {@code [B, grid^2, C*p*p]} (C, then row, then column, as the conv kernel). */
    private NDArray patchEmbed(NDArray pixels, long batch) {
        int g = config.gridSize();
        int p = config.patchSize();
        int c = config.channels();
        NDArray grid = pixels.reshape(batch, c, g, p, g, p);
        NDArray ordered = grid.transpose(0, 2, 4, 1, 3, 5);
        NDArray unfolded = ordered.reshape(batch, (long) g * g, (long) c * p * p);
        NDArray embedded = Linear.linear(unfolded, patchWeight).singletonOrThrow();
        closeAll(grid, ordered, unfolded);
        return embedded;
    }

    private static void closeAll(NDArray... arrays) {
        for (NDArray a : arrays) {
            a.close();
        }
    }
}
