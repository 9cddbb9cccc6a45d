package org.splicecbm.backbone.weights;

import java.util.Arrays;

/**
 * One tensor's header entry in a safetensors file: element type, shape and the absolute byte range in
 * the file (the header's data offsets plus the header size).
 */
public record TensorInfo(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as {@code [a, b, c]}, for messages. */
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
