package org.splicecbm.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * NumPy {@code .npy} files, the dense interchange format of splice-cbm (ARCHITECTURE.md): float32
 * matrices ({@code <f4}, C order) and int64/int32 vectors written byte-for-byte as {@code numpy.save}
 * writes them; whole-array reading of {@code <f4 <f8 <i4 <i8} (versions 1.0-3.0, C or Fortran order).
 * Big-endian files are refused with a message naming the file. Every write goes through
 * {@link AtomicFiles}; for matrices too large for memory use {@link NpyMatrixWriter} / {@link NpyMatrixReader}.
 */
public final class Npy {
    private static final int CHUNK = 1 << 16;

    private Npy() {}

    /** Writes a float32 matrix; all rows must have {@code cols} entries (cols is needed for 0 rows). */
    public static void writeFloat32(Path file, float[][] rows, int cols) throws IOException {
        AtomicFiles.write(file, out -> writeFloat32(out, rows, cols));
    }

    /** Writes a float32 matrix to a stream (e.g. an npz entry). */
    public static void writeFloat32(OutputStream out, float[][] rows, int cols) throws IOException {
        out.write(new NpyHeader("<f4", false, new long[] {rows.length, cols}).encode());
        ByteBuffer buf = ByteBuffer.allocate(Math.max(4, cols * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            buf.clear();
            buf.asFloatBuffer().put(rows[r]);
            out.write(buf.array(), 0, cols * 4);
        }
    }

    /** Writes a 1-D float32 vector. */
    public static void writeFloat32Vector(Path file, float[] values) throws IOException {
        AtomicFiles.write(file, out -> writeFloat32Vector(out, values));
    }

    /** Writes a 1-D float32 vector to a stream. */
    public static void writeFloat32Vector(OutputStream out, float[] values) throws IOException {
        out.write(new NpyHeader("<f4", false, new long[] {values.length}).encode());
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buf.clear();
            buf.asFloatBuffer().put(values, start, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    /** Writes an int64 vector. */
    public static void writeInt64(Path file, long[] values) throws IOException {
        AtomicFiles.write(file, out -> writeInt64(out, values));
    }

    /** Writes an int64 vector to a stream. */
    public static void writeInt64(OutputStream out, long[] values) throws IOException {
        out.write(new NpyHeader("<i8", false, new long[] {values.length}).encode());
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buf.clear();
            buf.asLongBuffer().put(values, start, n);
            out.write(buf.array(), 0, n * 8);
        }
    }

    /** Writes an int32 vector. */
    public static void writeInt32(Path file, int[] values) throws IOException {
        AtomicFiles.write(file, out -> writeInt32(out, values));
    }

    /** Writes an int32 vector to a stream. */
    public static void writeInt32(OutputStream out, int[] values) throws IOException {
        out.write(new NpyHeader("<i4", false, new long[] {values.length}).encode());
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK) {
            int n = Math.min(CHUNK, values.length - start);
            buf.clear();
            buf.asIntBuffer().put(values, start, n);
            out.write(buf.array(), 0, n * 4);
        }
    }

    /** Writes a 0-d ASCII byte-string scalar ({@code |Sn}), as {@code numpy.save(np.array(b"csr"))} does. */
    public static void writeByteString(OutputStream out, String ascii) throws IOException {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        out.write(new NpyHeader("|S" + bytes.length, false, new long[0]).encode());
        out.write(bytes);
    }

    /** Reads a whole 2-D float matrix ({@code <f4} or {@code <f8}, C or Fortran order). */
    public static float[][] readFloatMatrix(Path file) throws IOException {
        return read(file).toFloatMatrix();
    }

    /** Reads a whole 1-D integer vector ({@code <i8} or {@code <i4}). */
    public static long[] readLongVector(Path file) throws IOException {
        return read(file).toLongVector();
    }

    /** Reads a whole 1-D integer vector that must fit in 32 bits. */
    public static int[] readIntVector(Path file) throws IOException {
        return read(file).toIntVector();
    }

    /** Reads a whole array from a file. */
    public static NpyArray read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such .npy file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in, file.toString());
        }
    }

    /** Reads a whole array from a stream; {@code source} names it in error messages. */
    public static NpyArray read(InputStream in, String source) throws IOException {
        NpyHeader header = NpyHeader.read(in, source);
        requireReadable(header, source);
        long bytes = header.elementCount() * header.itemSize();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IOException(source + ": " + bytes + " bytes is too large to read whole; stream it with NpyMatrixReader");
        }
        byte[] data = new byte[(int) bytes];
        try {
            new DataInputStream(in).readFully(data);
        } catch (EOFException e) {
            throw new IOException(source + ": truncated .npy file: header " + header + " needs " + bytes
                    + " data bytes", e);
        }
        return new NpyArray(header, ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), source);
    }

    /** Refuses byte orders and dtypes this reader would misinterpret. */
    static void requireReadable(NpyHeader header, String source) throws IOException {
        String d = header.descr();
        char order = d.charAt(0);
        if (order == '>' || (order == '=' && ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN)) {
            throw new IOException(source + ": big-endian dtype '" + d + "' is not supported; re-save it little-endian,"
                    + " e.g. numpy.save(path, arr.astype(arr.dtype.newbyteorder('<')))");
        }
        char kind = d.charAt(1);
        int size = header.itemSize();
        boolean ok = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 4 || size == 8;
            case 'S', 'U' -> true;
            default -> false;
        };
        if (!ok) {
            throw new IOException(source + ": unsupported dtype '" + d + "'; expected one of <f4 <f8 <i4 <i8 |Sn <Un");
        }
    }
}
