package org.splicecbm.backbone.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams one tensor's bytes in bounded little-endian chunks with positional reads, so offsets beyond
 * 2 GiB work and no chunk splits an element.
 */
final class TensorBytes {
    private static final int CHUNK_BYTES = 1 << 24;

    private TensorBytes() {}

    /** Hands {@code sink} consecutive chunks covering the tensor's byte range. */
    static void read(FileChannel channel, Path path, TensorInfo info, Consumer<ByteBuffer> sink) {
        long position = info.begin();
        int elementBytes = info.dtype().bytes();
        int chunk = CHUNK_BYTES - CHUNK_BYTES % elementBytes;
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(chunk, Math.max(0, info.end() - position)))
                .order(ByteOrder.LITTLE_ENDIAN);
        while (position < info.end()) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), info.end() - position));
            position += fill(channel, path, buffer, position, info);
            buffer.flip();
            sink.accept(buffer);
        }
    }

    private static int fill(FileChannel channel, Path path, ByteBuffer buffer, long position, TensorInfo info) {
        int total = 0;
        try {
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position + total);
                if (n < 0) {
                    throw new SafetensorsException(path + " is truncated: tensor '" + info.name()
                            + "' needs bytes up to offset " + info.end() + " but the file ends at "
                            + (position + total));
                }
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tensor '" + info.name() + "' from " + path, e);
        }
        return total;
    }
}
