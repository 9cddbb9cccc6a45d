package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.List;

/**
 * A stack of pre-LN residual blocks, as in CLIP (Radford et al., 2021) and ViT:
 * {@code x += Attn(LN1(x)); x += MLP(LN2(x))} with {@code MLP = fc2(act(fc1(.)))}. Used by both towers.
 *
 * <p>Intermediates are closed as soon as they are consumed so that a batch's peak memory is a few
 * activations, not every layer's; inputs are never closed and all results live in the input's manager.
 */
public final class TransformerEncoder {
    private final EncoderShape shape;
    private final List<TransformerLayerWeights> layers;

    public TransformerEncoder(EncoderShape shape, List<TransformerLayerWeights> layers) {
        if (layers.size() != shape.layers()) {
            throw new IllegalArgumentException("encoder expects " + shape.layers() + " layers, got " + layers.size());
        }
        this.shape = shape;
        this.layers = List.copyOf(layers);
    }

    /** Loads all blocks through a naming scheme. */
    public static TransformerEncoder load(EncoderShape shape, LayerNaming naming, WeightSource source) {
        TransformerLayerWeights[] blocks = new TransformerLayerWeights[shape.layers()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = naming.load(source, i, shape);
        }
        return new TransformerEncoder(shape, List.of(blocks));
    }

    public EncoderShape shape() {
        return shape;
    }

    /**
     * Runs every block.
     *
     * @param x    {@code [batch, tokens, width]}
     * @param mask additive attention mask broadcastable to {@code [batch, heads, tokens, tokens]}
     *             (0 = attend, large negative = blocked), or {@code null} for full attention
     * @return a new {@code [batch, tokens, width]} array
     */
    public NDArray forward(NDArray x, NDArray mask) {
        NDArray current = x;
        for (TransformerLayerWeights layer : layers) {
            NDArray next = block(current, layer, mask);
            if (current != x) {
                current.close();
            }
            current = next;
        }
        return current == x ? x.duplicate() : current;
    }

    private NDArray block(NDArray x, TransformerLayerWeights w, NDArray mask) {
        NDArray normed = w.norm1().apply(x, shape.layerNormEps());
        NDArray attended = attention(normed, w, mask);
        normed.close();
        NDArray residual = x.add(attended);
        attended.close();
        normed = w.norm2().apply(residual, shape.layerNormEps());
        NDArray mlp = mlp(normed, w);
        normed.close();
        residual.addi(mlp);
        mlp.close();
        return residual;
    }

    private NDArray attention(NDArray x, TransformerLayerWeights w, NDArray mask) {
        Shape in = x.getShape();
        long batch = in.get(0);
        long tokens = in.get(1);
        int heads = shape.heads();
        int headWidth = shape.headWidth();
        NDArray qkv = Linear.linear(x, w.qkvWeight(), w.qkvBias()).singletonOrThrow();
        // [B, T, 3, H, d] -> [3, B, H, T, d]: q, k, v as head-major views of one tensor.
        NDArray grouped = qkv.reshape(batch, tokens, 3, heads, headWidth);
        NDArray split = grouped.transpose(2, 0, 3, 1, 4);
        NDArray q = split.get(0);
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        NDArray keysT = k.transpose(0, 1, 3, 2);
        NDArray scores = q.matMul(keysT);
        scores.muli(1.0 / Math.sqrt(headWidth));
        if (mask != null) {
            scores.addi(mask);
        }
        NDArray probs = scores.softmax(-1);
        NDArray context = probs.matMul(v);
        NDArray tokenMajor = context.transpose(0, 2, 1, 3);
        NDArray merged = tokenMajor.reshape(batch, tokens, shape.width());
        NDArray out = Linear.linear(merged, w.outWeight(), w.outBias()).singletonOrThrow();
        closeAll(qkv, grouped, split, q, k, v, keysT, scores, probs, context, tokenMajor, merged);
        return out;
    }

    private NDArray mlp(NDArray x, TransformerLayerWeights w) {
        NDArray hidden = Linear.linear(x, w.fc1Weight(), w.fc1Bias()).singletonOrThrow();
        NDArray activated = shape.activation().apply(hidden);
        hidden.close();
        NDArray out = Linear.linear(activated, w.fc2Weight(), w.fc2Bias()).singletonOrThrow();
        activated.close();
        return out;
    }

    private static void closeAll(NDArray... arrays) {
        for (NDArray a : arrays) {
            a.close();
        }
    }
}
