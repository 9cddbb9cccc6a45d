package org.splicecbm.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A whole {@code .npy} array read into memory: its header and its raw little-endian bytes, with
 * conversions to the Java arrays splice-cbm uses. Conversions refuse what would change values
 * silently (big-endian data, integers that do not fit, non-float data read as floats).
 *
 * @param header parsed header
 * @param data   the element bytes, little-endian, positioned at 0
 * @param source file or entry name for error messages
 */
public record NpyArray(NpyHeader header, ByteBuffer data, String source) {

    /** A 2-D float matrix in row-major order from {@code <f4} or {@code <f8} (C or Fortran order). */
    public float[][] toFloatMatrix() throws IOException {
        long[] shape = header.shape();
        if (shape.length != 2) {
            throw new IOException(source + ": expected a 2-D array, found shape " + header);
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[][] out = new float[rows][cols];
        requireKind("f4 or f8", 'f');
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (long k = 0; k < (long) rows * cols; k++) {
            int r = (int) (header.fortranOrder() ? k % rows : k / cols);
            int c = (int) (header.fortranOrder() ? k / rows : k % cols);
            out[r][c] = header.itemSize() == 4 ? b.getFloat() : (float) b.getDouble();
        }
        return out;
    }

    /** A 1-D float vector from {@code <f4} or {@code <f8}. */
    public float[] toFloatVector() throws IOException {
        requireKind("f4 or f8", 'f');
        int n = vectorLength();
        float[] out = new float[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = header.itemSize() == 4 ? b.getFloat() : (float) b.getDouble();
        }
        return out;
    }

    /** A 1-D integer vector from {@code <i4}, {@code <i8} (or unsigned of those widths). */
    public long[] toLongVector() throws IOException {
        char kind = requireKind("i4, i8, u4 or u8", 'i', 'u');
        int n = vectorLength();
        long[] out = new long[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (header.itemSize() == 4) {
                out[i] = kind == 'u' ? Integer.toUnsignedLong(b.getInt()) : b.getInt();
            } else if (header.itemSize() == 8) {
                out[i] = b.getLong();
                if (kind == 'u' && out[i] < 0) {
                    throw new IOException(source + ": element " + i + " exceeds the signed 64-bit range");
                }
            } else {
                throw new IOException(source + ": expected 4- or 8-byte integers, found dtype " + header.descr());
            }
        }
        return out;
    }

    /** A 1-D int vector; 64-bit input must fit in 32 bits. */
    public int[] toIntVector() throws IOException {
        long[] wide = toLongVector();
        int[] out = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            if (wide[i] != (int) wide[i]) {
                throw new IOException(source + ": element " + i + " = " + wide[i] + " does not fit in a 32-bit int");
            }
            out[i] = (int) wide[i];
        }
        return out;
    }

    /** A 0-d string scalar of dtype {@code |Sn} (bytes, ASCII) or {@code <Un} (UTF-32LE), trailing NULs removed. */
    public String toStringScalar() throws IOException {
        if (header.shape().length != 0) {
            throw new IOException(source + ": expected a 0-d string array, found " + header);
        }
        char kind = header.descr().charAt(1);
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        String s = switch (kind) {
            case 'S' -> new String(bytes, StandardCharsets.US_ASCII);
            case 'U' -> new String(bytes, java.nio.charset.Charset.forName("UTF-32LE"));
            default -> throw new IOException(source + ": expected a string dtype (|Sn or <Un), found " + header.descr());
        };
        int end = s.indexOf('\0');
        return end < 0 ? s : s.substring(0, end);
    }

    private int vectorLength() throws IOException {
        if (header.shape().length != 1) {
            throw new IOException(source + ": expected a 1-D array, found " + header);
        }
        return Math.toIntExact(header.shape()[0]);
    }

    private char requireKind(String expected, char... kinds) throws IOException {
        char kind = header.descr().charAt(1);
        for (char k : kinds) {
            if (k == kind) {
                return kind;
            }
        }
        throw new IOException(source + ": expected dtype " + expected + ", found '" + header.descr() + "'");
    }
}
