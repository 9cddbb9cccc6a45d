package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * How a checkpoint names the tensors of residual block {@code layer}; turns them into one
 * {@link TransformerLayerWeights} so both naming schemes share the same encoder.
 */
@FunctionalInterface
public interface LayerNaming {

    /** Loads block {@code layer} of an encoder of the given shape. */
    TransformerLayerWeights load(WeightSource source, int layer, EncoderShape shape);

    /**
     * Hugging Face transformers' CLIP naming, e.g. {@code text_model.encoder.layers.3.self_attn.q_proj.weight}
     * for prefix {@code text_model.encoder.layers}; the separate q, k, v projections are fused on load.
     */
    static LayerNaming huggingFace(String prefix) {
        return (source, layer, shape) -> {
            String p = prefix + "." + layer + ".";
            long d = shape.width();
            long m = shape.mlpWidth();
            NDArray qkvWeight = concat(source.load(p + "self_attn.q_proj.weight", d, d),
                    source.load(p + "self_attn.k_proj.weight", d, d), source.load(p + "self_attn.v_proj.weight", d, d));
            NDArray qkvBias = concat(source.load(p + "self_attn.q_proj.bias", d),
                    source.load(p + "self_attn.k_proj.bias", d), source.load(p + "self_attn.v_proj.bias", d));
            return new TransformerLayerWeights(
                    new LayerNormWeights(source.load(p + "layer_norm1.weight", d), source.load(p + "layer_norm1.bias", d)),
                    qkvWeight, qkvBias,
                    source.load(p + "self_attn.out_proj.weight", d, d), source.load(p + "self_attn.out_proj.bias", d),
                    new LayerNormWeights(source.load(p + "layer_norm2.weight", d), source.load(p + "layer_norm2.bias", d)),
                    source.load(p + "mlp.fc1.weight", m, d), source.load(p + "mlp.fc1.bias", m),
                    source.load(p + "mlp.fc2.weight", d, m), source.load(p + "mlp.fc2.bias", d));
        };
    }

    /**
     * OpenAI / OpenCLIP naming, e.g. {@code transformer.resblocks.3.attn.in_proj_weight} for prefix
     * {@code transformer.resblocks}: fused qkv, {@code ln_1}, {@code ln_2}, {@code mlp.c_fc}, {@code mlp.c_proj}.
     */
    static LayerNaming openAi(String prefix) {
        return (source, layer, shape) -> {
            String p = prefix + "." + layer + ".";
            long d = shape.width();
            long m = shape.mlpWidth();
            return new TransformerLayerWeights(
                    new LayerNormWeights(source.load(p + "ln_1.weight", d), source.load(p + "ln_1.bias", d)),
                    source.load(p + "attn.in_proj_weight", 3 * d, d), source.load(p + "attn.in_proj_bias", 3 * d),
                    source.load(p + "attn.out_proj.weight", d, d), source.load(p + "attn.out_proj.bias", d),
                    new LayerNormWeights(source.load(p + "ln_2.weight", d), source.load(p + "ln_2.bias", d)),
                    source.load(p + "mlp.c_fc.weight", m, d), source.load(p + "mlp.c_fc.bias", m),
                    source.load(p + "mlp.c_proj.weight", d, m), source.load(p + "mlp.c_proj.bias", d));
        };
    }

    private static NDArray concat(NDArray q, NDArray k, NDArray v) {
        NDArray fused = NDArrays.concat(new NDList(q, k, v), 0);
        q.close();
        k.close();
        v.close();
        return fused;
    }
}
