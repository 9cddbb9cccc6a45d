package org.splicecbm.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the complete new content, never a
 * partial file: the bytes go to a temporary sibling, are flushed to disk, and are then renamed over
 * the target. Every writer in splice-cbm goes through here. Files get the permissions the user's
 * umask gives new files (not 0600), as any ordinary file the user creates.
 */
public final class AtomicFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {}

    /** Body of an atomic write: receives the stream of the temporary file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code target} atomically; on any failure the temporary file is removed and the target untouched. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = temporarySibling(absolute, ".tmp");
        try {
            try (var channel = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(tmp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * A fresh, unused name beside {@code target} ({@code .<name>.<random><suffix>}). Unlike
     * {@code Files.createTempFile} (always 0600), whatever is created under it gets the default
     * permissions, i.e. the user's umask, so {@code mlflow ui} or a colleague can read the results.
     */
    public static Path temporarySibling(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + suffix);
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Renames a finished temporary file or directory over {@code target}, atomically where the file system allows. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@link #write} for callers that cannot throw checked exceptions. */
    public static void writeUnchecked(Path target, Body body) {
        try {
            write(target, body);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
