package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;

/**
 * Named float32 tensors with a required shape, e.g. a safetensors file bound to an NDManager. Failing
 * (missing tensor, wrong shape) is the source's job, with a message naming file and tensor.
 */
@FunctionalInterface
public interface WeightSource {
    /** The tensor {@code name}, which must have exactly {@code shape}. */
    NDArray load(String name, long... shape);
}
