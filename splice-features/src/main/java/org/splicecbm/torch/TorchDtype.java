package org.splicecbm.torch;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Element types of PyTorch storages, keyed by the legacy storage class name that {@code torch.save}
 * writes into the pickle (e.g. {@code torch.FloatStorage}), with the conversion of one element to float.
 */
enum TorchDtype {
    F32("FloatStorage", 4), F16("HalfStorage", 2), BF16("BFloat16Storage", 2), F64("DoubleStorage", 8),
    I64("LongStorage", 8), I32("IntStorage", 4), I16("ShortStorage", 2), I8("CharStorage", 1),
    U8("ByteStorage", 1), BOOL("BoolStorage", 1);

    private static final Map<String, TorchDtype> BY_STORAGE = Map.of(
            "FloatStorage", F32, "HalfStorage", F16, "BFloat16Storage", BF16, "DoubleStorage", F64,
            "LongStorage", I64, "IntStorage", I32, "ShortStorage", I16, "CharStorage", I8,
            "ByteStorage", U8, "BoolStorage", BOOL);

    final String storageClass;
    final int bytes;

    TorchDtype(String storageClass, int bytes) {
        this.storageClass = storageClass;
        this.bytes = bytes;
    }

    /** The dtype of a {@code torch.<name>} storage class, or null when it is not a storage type. */
    static TorchDtype ofStorageClass(String name) {
        return BY_STORAGE.get(name);
    }

    /** Reads element {@code index} of {@code storage} as a float (integers above 2^24 lose precision). */
    float read(ByteBuffer storage, long index) {
        int at = Math.toIntExact(index * bytes);
        return switch (this) {
            case F32 -> storage.getFloat(at);
            case F16 -> halfToFloat(storage.getShort(at));
            case BF16 -> Float.intBitsToFloat((storage.getShort(at) & 0xffff) << 16);
            case F64 -> (float) storage.getDouble(at);
            case I64 -> (float) storage.getLong(at);
            case I32 -> (float) storage.getInt(at);
            case I16 -> storage.getShort(at);
            case I8 -> storage.get(at);
            case U8 -> storage.get(at) & 0xff;
            case BOOL -> storage.get(at) != 0 ? 1f : 0f;
        };
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal: mantissa x 2^-24
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
