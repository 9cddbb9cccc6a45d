package org.splicecbm.torch;

import java.nio.ByteBuffer;
import org.splicecbm.torch.PickleValues.TensorRef;

/** Gathers a (possibly non-contiguous) strided view of a storage into dense C-order floats. */
final class StridedCopy {
    private StridedCopy() {}

    static float[] gather(TensorRef ref, ByteBuffer storage, String where) throws TorchFormatException {
        long count = TorchTensor.elementCount(ref.shape());
        if (count > Integer.MAX_VALUE - 8) {
            throw new TorchFormatException(where + ": tensor of " + count + " elements is too large for one float array");
        }
        checkBounds(ref, where);
        float[] out = new float[(int) count];
        if (count == 0) {
            return out;
        }
        long[] shape = ref.shape();
        long[] index = new long[shape.length];
        long position = ref.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = ref.storage().dtype().read(storage, position);
            // odometer increment over the dimensions, last one fastest
            for (int d = shape.length - 1; d >= 0; d--) {
                index[d]++;
                position += ref.stride()[d];
                if (index[d] < shape[d]) {
                    break;
                }
                position -= ref.stride()[d] * shape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** The view must stay inside its storage: offset + sum((size-1)*stride) < numel. */
    private static void checkBounds(TensorRef ref, String where) throws TorchFormatException {
        long last = ref.offset();
        for (int d = 0; d < ref.shape().length; d++) {
            if (ref.shape()[d] == 0) {
                return;
            }
            last += (ref.shape()[d] - 1) * ref.stride()[d];
        }
        if (last >= ref.storage().numel()) {
            throw new TorchFormatException(where + ": tensor view (offset " + ref.offset() + ", shape "
                    + java.util.Arrays.toString(ref.shape()) + ", stride " + java.util.Arrays.toString(ref.stride())
                    + ") reaches element " + last + " of a storage holding " + ref.storage().numel());
        }
    }
}
