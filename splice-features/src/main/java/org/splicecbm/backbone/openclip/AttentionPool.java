package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.TensorSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;

/**
 * CLIP's attention pooling, which replaces the ResNet's global average pool (Radford et al., 2021, section 2.4):
 * the HW feature vectors become tokens, their mean is prepended, a learned positional embedding is added, and one
 * multi-head attention step whose only query is the mean token produces the image embedding through {@code c_proj}.
 */
record AttentionPool(NDArray positional, NDArray qWeight, NDArray qBias, NDArray kWeight, NDArray kBias,
                     NDArray vWeight, NDArray vBias, NDArray outWeight, NDArray outBias, int heads) {

    /** Loads {@code visual.attnpool.*} for a {@code grid x grid} feature map of {@code width} channels. */
    static AttentionPool load(TensorSource w, NDManager m, ResNetConfig cfg) {
        String p = "visual.attnpool.";
        int c = cfg.poolWidth();
        int tokens = cfg.featureGrid() * cfg.featureGrid() + 1;
        return new AttentionPool(w.load(m, p + "positional_embedding", tokens, c),
                w.load(m, p + "q_proj.weight", c, c), w.load(m, p + "q_proj.bias", c),
                w.load(m, p + "k_proj.weight", c, c), w.load(m, p + "k_proj.bias", c),
                w.load(m, p + "v_proj.weight", c, c), w.load(m, p + "v_proj.bias", c),
                w.load(m, p + "c_proj.weight", cfg.embedDim(), c), w.load(m, p + "c_proj.bias", cfg.embedDim()),
                cfg.poolHeads());
    }

    /** {@code (N, C, H, W)} features to {@code (N, embed_dim)} embeddings. */
    NDArray forward(NDArray features) {
        long n = features.getShape().get(0);
        long c = features.getShape().get(1);
        long headWidth = c / heads;
        NDArray tokens = features.reshape(n, c, -1).transpose(0, 2, 1); // (N, HW, C)
        tokens = tokens.mean(new int[] {1}, true).concat(tokens, 1).add(positional); // (N, HW+1, C)
        NDArray query = Linear.linear(tokens.get(new NDIndex(":, 0:1, :")), qWeight, qBias).singletonOrThrow();
        NDArray keys = Linear.linear(tokens, kWeight, kBias).singletonOrThrow();
        NDArray values = Linear.linear(tokens, vWeight, vBias).singletonOrThrow();
        query = splitHeads(query, n, headWidth).mul(1.0 / Math.sqrt(headWidth)); // (N, h, 1, hd)
        NDArray attention = query.matMul(splitHeads(keys, n, headWidth).transpose(0, 1, 3, 2)).softmax(-1);
        NDArray pooled = attention.matMul(splitHeads(values, n, headWidth)).reshape(n, c); // (N, h, 1, hd) -> (N, C)
        return Linear.linear(pooled, outWeight, outBias).singletonOrThrow();
    }

    /** {@code (N, L, C)} to {@code (N, heads, L, C/heads)}. */
    private NDArray splitHeads(NDArray x, long n, long headWidth) {
        return x.reshape(n, -1, heads, headWidth).transpose(0, 2, 1, 3);
    }
}
