package org.splicecbm.store;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file: dtype descriptor, memory order and shape.
 *
 * <p>{@link #encode()} produces exactly the bytes {@code numpy.save} (NumPy >= 1.24) writes: magic,
 * version 1.0, the dict with sorted keys, spare spaces so the first axis can grow to 21 digits in place,
 * then spaces and a final newline up to a multiple of 64 bytes. That spare room is what lets
 * {@link NpyMatrixWriter} patch the row count after streaming rows. {@link #read} accepts versions 1.0,
 * 2.0 and 3.0.
 *
 * @param descr        NumPy dtype string, e.g. {@code <f4}, {@code <i8}, {@code |S3}
 * @param fortranOrder true for column-major data
 * @param shape        dimensions; empty for a 0-d array
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    public NpyHeader {
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("npy shape must be nonnegative, found " + Arrays.toString(shape));
            }
        }
    }

    /** Total number of elements (1 for a 0-d array). */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Bytes per element: the number in the descriptor, times 4 for unicode ({@code U}) strings. */
    public int itemSize() {
        int size = Integer.parseInt(descr.substring(2));
        return descr.charAt(1) == 'U' ? 4 * size : size;
    }

    /** The header bytes as {@code numpy.save} writes them. */
    public byte[] encode() {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(shapeRepr()).append(", }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length())));
        }
        byte[] body = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = body.length + 1;
        boolean v1 = hlen + ALIGN <= 0xFFFF;
        int prefix = MAGIC.length + 2 + (v1 ? 2 : 4);
        int padlen = ALIGN - ((prefix + hlen) % ALIGN);
        int total = hlen + padlen;
        byte[] out = new byte[prefix + total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (v1 ? 1 : 2);
        out[7] = 0;
        for (int i = 0; i < (v1 ? 2 : 4); i++) {
            out[8 + i] = (byte) (total >>> (8 * i));
        }
        System.arraycopy(body, 0, out, prefix, body.length);
        Arrays.fill(out, prefix + body.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    private String shapeRepr() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(')').toString();
    }

    /**
     * Reads a header from the start of {@code in}, leaving the stream at the first data byte.
     *
     * @param source file or entry name for error messages
     */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[8];
        try {
            data.readFully(magic);
        } catch (EOFException e) {
            throw new IOException(source + ": not a NumPy .npy file (shorter than the 8-byte magic)", e);
        }
        if (!Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new IOException(source + ": not a NumPy .npy file (missing the \\x93NUMPY magic)");
        }
        int major = magic[6];
        long length = switch (major) {
            case 1 -> Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
            case 2, 3 -> Integer.toUnsignedLong(Integer.reverseBytes(data.readInt()));
            default -> throw new IOException(source + ": unsupported .npy format version " + major + "." + magic[7]
                    + " (supported: 1.0, 2.0, 3.0)");
        };
        if (length > MAX_HEADER_BYTES) {
            throw new IOException(source + ": .npy header claims " + length + " bytes (more than " + MAX_HEADER_BYTES
                    + "); the file is corrupt");
        }
        byte[] text = new byte[(int) length];
        data.readFully(text);
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, source);
    }

    private static NpyHeader parse(String dict, String source) throws IOException {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException(source + ": .npy header must hold 'descr' (a simple dtype string), 'fortran_order'"
                    + " and 'shape'; found " + dict.strip() + " (structured dtypes are not supported)");
        }
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String p = part.strip().replace("L", "");
            if (!p.isEmpty()) {
                dims.add(Long.parseLong(p));
            }
        }
        String d = descr.group(1);
        if (d.length() < 3 || !d.substring(2).chars().allMatch(Character::isDigit)) {
            throw new IOException(source + ": unsupported dtype '" + d + "' in .npy header");
        }
        return new NpyHeader(d, fortran.group(1).equals("True"), dims.stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.descr.equals(descr) && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return descr.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyHeader[descr=" + descr + ", fortranOrder=" + fortranOrder + ", shape=" + shapeRepr() + "]";
    }
}
