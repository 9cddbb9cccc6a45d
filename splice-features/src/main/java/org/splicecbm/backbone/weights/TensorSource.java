package org.splicecbm.backbone.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where a tower's parameters come from, by checkpoint name and required shape: a checkpoint
 * ({@link CheckpointWeights}) or, for benchmarks, generated values.
 */
@FunctionalInterface
public interface TensorSource {

    /** The C-order values of tensor {@code name}, which must have exactly {@code shape}; fails naming it otherwise. */
    float[] floats(String name, long... shape);

    /** The tensor as a float32 NDArray owned by {@code manager}. */
    default NDArray load(NDManager manager, String name, long... shape) {
        return manager.create(floats(name, shape), new Shape(shape));
    }
}
