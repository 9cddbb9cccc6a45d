package org.splicecbm.backbone.weights;

import java.util.Locale;

/**
 * The safetensors element types this project reads. Floating types are always widened to float32 in
 * Java (DJL's PyTorch engine cannot hand bf16 to every operator), I64 is read as long.
 */
public enum SafetensorsDtype {
    F32(4), F16(2), BF16(2), I64(8);

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
        return this != I64;
    }

    /**
     * Parses a header dtype string.
     *
     * @return the dtype, or {@code null} when the type is not supported here
     */
    static SafetensorsDtype parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
