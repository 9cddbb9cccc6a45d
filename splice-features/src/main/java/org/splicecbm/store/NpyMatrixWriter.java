package org.splicecbm.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a float32 matrix into a {@code .npy} file row batch by row batch, so memory stays at one
 * batch however many rows there are. Rows go to a temporary sibling; {@link #commit()} patches the row
 * count into the header (NumPy's header reserves room for a 21-digit first axis, so the header length
 * never changes) and renames the file into place via {@link AtomicFiles#moveIntoPlace}. Closing
 * without committing deletes the temporary file: readers never see a partial matrix.
 */
public final class NpyMatrixWriter implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private final int cols;
    private long rows;
    private boolean finished;

    private NpyMatrixWriter(Path target, Path tmp, FileChannel channel, int cols) {
        this.target = target;
        this.tmp = tmp;
        this.channel = channel;
        this.cols = cols;
    }

    /** Starts a matrix of {@code cols} columns that will be written to {@code target} on commit. */
    public static NpyMatrixWriter open(Path target, int cols) throws IOException {
        if (cols < 0) {
            throw new IllegalArgumentException("cols must be >= 0, found " + cols);
        }
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path tmp = AtomicFiles.temporarySibling(absolute, ".tmp");
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        NpyMatrixWriter writer = new NpyMatrixWriter(absolute, tmp, channel, cols);
        writer.writeFully(ByteBuffer.wrap(header(0, cols)));
        return writer;
    }

    /** Appends rows; each must have {@link #cols()} values. */
    public void append(float[][] batch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(batch.length * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : batch) {
            if (row.length != cols) {
                throw new IllegalArgumentException(target + ": row " + rows + " has " + row.length
                        + " values, expected " + cols);
            }
            buf.asFloatBuffer().put(row);
            buf.position(buf.position() + cols * 4);
        }
        buf.flip();
        writeFully(buf);
        rows += batch.length;
    }

    /** Patches the header with the final row count, syncs, and renames the file into place. */
    public void commit() throws IOException {
        byte[] header = header(rows, cols);
        channel.write(ByteBuffer.wrap(header), 0);
        channel.force(true);
        channel.close();
        AtomicFiles.moveIntoPlace(tmp, target);
        finished = true;
    }

    public long rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Abandons an uncommitted matrix (deleting its temporary file); no-op after {@link #commit()}. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            channel.close();
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] header(long rows, int cols) {
        return new NpyHeader("<f4", false, new long[] {rows, cols}).encode();
    }

    private void writeFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }
}
