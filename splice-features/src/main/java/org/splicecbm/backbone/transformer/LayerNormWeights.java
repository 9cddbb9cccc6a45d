package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/** Scale and shift of a LayerNorm over the last dimension. */
public record LayerNormWeights(NDArray weight, NDArray bias) {

    /** Normalises {@code x} over its last dimension; the result lives in {@code x}'s manager. */
    public NDArray apply(NDArray x, double eps) {
        return LayerNorm.layerNorm(x, new Shape(weight.getShape().get(0)), weight, bias, (float) eps)
                .singletonOrThrow();
    }
}
