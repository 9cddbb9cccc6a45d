package org.splicecbm.backbone.weights;

import java.util.Locale;

/**
 * The element types of the safetensors format. Every type is recognised (so a file holding, say, an
 * unused BOOL buffer still opens); F64, F32, F16 and BF16 can be read as float32 (DJL's PyTorch
 * engine cannot hand bf16 to every operator) and I64 as long. Reading any other type fails.
 */
public enum SafetensorsDtype {
    F64(8), F32(4), F16(2), BF16(2), I64(8),
    BOOL(1), U8(1), I8(1), I16(2), U16(2), I32(4), U32(4), U64(8), F8_E4M3(1), F8_E5M2(1);

    private final int bytes;

    SafetensorsDtype(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in the file. */
    public int bytes() {
        return bytes;
    }

    /** Whether the values can be read as float32. */
    public boolean isFloating() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    /**
     * Parses a header dtype string.
     *
     * @return the dtype, or {@code null} when the format has no such type
     */
    static SafetensorsDtype parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
