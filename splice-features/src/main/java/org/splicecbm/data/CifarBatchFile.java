package org.splicecbm.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.store.Sha256;

/**
 * One CIFAR batch file: reads single records on demand (the pixels stay on disk) and computes the
 * file's SHA-256 once, for dataset fingerprints.
 */
final class CifarBatchFile {
    private final Path path;
    private final int recordBytes;
    private final int labelBytes;
    private String sha256;

    CifarBatchFile(Path path, CifarArchive layout) {
        this.path = path;
        this.recordBytes = layout.recordBytes();
        this.labelBytes = layout.labelBytes();
    }

    Path path() {
        return path;
    }

    /** The 3072 pixel bytes of record {@code index} (0-based). */
    byte[] pixels(int index) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CifarArchive.PIXEL_BYTES);
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            channel.position((long) index * recordBytes + labelBytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException(path + "#record " + index + ": file ends inside the record; re-extract the archive");
                }
            }
        }
        return buffer.array();
    }

    synchronized String sha256() throws IOException {
        if (sha256 == null) {
            sha256 = Sha256.ofFile(path);
        }
        return sha256;
    }
}
