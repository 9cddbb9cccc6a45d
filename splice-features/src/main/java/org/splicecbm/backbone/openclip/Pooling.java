package org.splicecbm.backbone.openclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/** The ResNet's only downsampling: {@code nn.AvgPool2d(k)} (kernel = stride = k, floor mode). */
final class Pooling {
    private Pooling() {}

    static NDArray average(NDArray x, int k) {
        if (k == 1) {
            return x;
        }
        return Pool.avgPool2d(x, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
    }
}
