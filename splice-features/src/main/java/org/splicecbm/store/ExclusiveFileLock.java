package org.splicecbm.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * An OS file lock ({@link FileChannel#tryLock}) held by this process until closed: one process at a time
 * builds a cache or runs a sweep. The OS releases it when the process ends, {@code kill -9} included, so a
 * crash never blocks the next run. The holder writes {@code pid <n> since <time>} into the file, which a
 * refused process quotes. The file itself stays: removing it could let a third process lock a file no one
 * else sees.
 */
public final class ExclusiveFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code file} unless another process, or another thread of this JVM, holds it. */
    public static Optional<ExclusiveFileLock> tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ExclusiveFileLock held = new ExclusiveFileLock(channel, lock);
        try {
            byte[] line = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line), 0);
        } catch (IOException e) {
            held.close();
            throw e;
        }
        return Optional.of(held);
    }

    /** What the holder of {@code file} wrote ({@code pid <n> since <time>}), or {@code holder unknown}. */
    public static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
