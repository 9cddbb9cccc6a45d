package org.splicecbm.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a 2-D {@code <f4} or {@code <f8} C-order {@code .npy} matrix a batch of rows at a time, so a
 * matrix larger than memory can be streamed (e.g. cached embeddings into the SpLiCE solver).
 */
public final class NpyMatrixReader implements AutoCloseable {
    private final Path file;
    private final DataInputStream in;
    private final NpyHeader header;
    private final long rows;
    private final int cols;
    private long position;

    private NpyMatrixReader(Path file, DataInputStream in, NpyHeader header) {
        this.file = file;
        this.in = in;
        this.header = header;
        this.rows = header.shape()[0];
        this.cols = Math.toIntExact(header.shape()[1]);
    }

    /** Opens {@code file}, checking it holds a 2-D C-order float matrix. */
    public static NpyMatrixReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            NpyHeader header = NpyHeader.read(raw, file.toString());
            Npy.requireReadable(header, file.toString());
            if (header.shape().length != 2 || header.descr().charAt(1) != 'f') {
                throw new IOException(file + ": expected a 2-D float matrix (<f4 or <f8), found " + header);
            }
            if (header.fortranOrder() && header.shape()[0] > 1 && header.shape()[1] > 1) {
                throw new IOException(file + ": Fortran-order matrices cannot be streamed by rows;"
                        + " re-save with numpy.ascontiguousarray(arr)");
            }
            return new NpyMatrixReader(file, new DataInputStream(raw), header);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    public long rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public NpyHeader header() {
        return header;
    }

    /** The next up to {@code maxRows} rows; an empty array once all rows were read. */
    public float[][] next(int maxRows) throws IOException {
        int n = (int) Math.min(maxRows, rows - position);
        int item = header.itemSize();
        byte[] bytes = new byte[n * cols * item];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated: header says " + rows + " rows but data ends near row " + position, e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] out = new float[n][cols];
        for (float[] row : out) {
            if (item == 4) {
                b.asFloatBuffer().get(row);
                b.position(b.position() + cols * 4);
            } else {
                for (int c = 0; c < cols; c++) {
                    row[c] = (float) b.getDouble();
                }
            }
        }
        position += n;
        return out;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
