package org.splicecbm.torch;

import java.util.Arrays;

/**
 * A tensor read from a PyTorch checkpoint, materialised as dense row-major (C order) floats whatever its
 * storage type, offset and strides were.
 *
 * @param dtype  the storage element type it was saved as: F32, F16, BF16, F64, I64, I32, I16, I8, U8 or BOOL
 * @param shape  the tensor's size per dimension (empty for a scalar)
 * @param values {@code prod(shape)} values in C order
 */
public record TorchTensor(String dtype, long[] shape, float[] values) {

    public TorchTensor {
        shape = shape.clone();
        if (values.length != elementCount(shape)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elementCount(shape)
                    + " values, found " + values.length);
        }
    }

    /** Number of elements of a tensor with this shape. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "TorchTensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
