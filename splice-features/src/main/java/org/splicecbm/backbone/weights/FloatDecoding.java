package org.splicecbm.backbone.weights;

import java.nio.ByteBuffer;

/** Converts little-endian F64, F32, F16 and BF16 bytes to Java floats. */
final class FloatDecoding {
    private FloatDecoding() {}

    /**
     * Decodes every whole element remaining in {@code buffer} into {@code out} from index {@code next}.
     *
     * @return the index after the last element written
     */
    static int decode(SafetensorsDtype dtype, ByteBuffer buffer, float[] out, int next) {
        switch (dtype) {
            case F32 -> {
                int n = buffer.remaining() / 4;
                buffer.asFloatBuffer().get(out, next, n);
                return next + n;
            }
            case F64 -> {
                while (buffer.remaining() >= 8) {
                    out[next++] = (float) buffer.getDouble();
                }
                return next;
            }
            case F16 -> {
                while (buffer.remaining() >= 2) {
                    out[next++] = halfToFloat(buffer.getShort());
                }
                return next;
            }
            case BF16 -> {
                // bfloat16 is the upper half of a float32's bits.
                while (buffer.remaining() >= 2) {
                    out[next++] = Float.intBitsToFloat((buffer.getShort() & 0xFFFF) << 16);
                }
                return next;
            }
            default -> throw new IllegalArgumentException(dtype + " is not a floating type");
        }
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal (or zero): value = mantissa * 2^-24, exact in float32.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
