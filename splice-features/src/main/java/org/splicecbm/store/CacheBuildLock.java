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
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Only one process at a time builds a given embedding cache: two {@code features} runs sharing one
 * {@code output:} would otherwise write chunks into the same {@code .partial} folder. An OS file lock
 * ({@link FileChannel#tryLock}) on {@code <digest>.lock} beside the cache; the second process waits (saying
 * so once) and then finds the cache complete, or fails after a timeout naming the holder. The OS releases
 * the lock when its process ends, {@code kill -9} included, so a crashed build never blocks the next one
 * and resuming its committed chunks is unchanged.
 */
public final class CacheBuildLock implements AutoCloseable {
    /** Environment variable: how many seconds a run waits for another process's build of the same cache. */
    public static final String TIMEOUT_VARIABLE = "SPLICE_CACHE_LOCK_TIMEOUT";
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    private static final long POLL_MILLIS = 250;

    private final FileChannel channel;
    private final FileLock lock;

    private CacheBuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The wait limit: {@value #TIMEOUT_VARIABLE} seconds when set, otherwise 6 hours. */
    public static Duration configuredTimeout() {
        String value = System.getenv(TIMEOUT_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_VARIABLE + " must be a number of seconds, found '" + value + "'");
        }
    }

    /**
     * Takes the lock on {@code lockFile}, waiting up to {@code timeout} while another process (or thread) holds it.
     *
     * @param what    what is being built, for the messages (the cache folder)
     * @param waiting receives one message when this run starts waiting
     * @throws IOException naming the holder and {@value #TIMEOUT_VARIABLE} when the timeout passes
     */
    static CacheBuildLock acquire(Path lockFile, Path what, Duration timeout, Consumer<String> waiting)
            throws IOException, InterruptedException {
        Files.createDirectories(lockFile.getParent());
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (true) {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                recordHolder(channel);
                return new CacheBuildLock(channel, lock);
            }
            channel.close();
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("embedding cache " + what + " is still being built by another process ("
                        + holder(lockFile) + ") after waiting " + seconds(timeout) + " s; rerun when it has finished"
                        + " (or set " + TIMEOUT_VARIABLE + " to wait longer, in seconds)");
            }
            if (!announced) {
                waiting.accept("waiting: embedding cache " + what + " is being built by another process ("
                        + holder(lockFile) + "); this run uses it once it is complete (waiting at most "
                        + seconds(timeout) + " s, " + TIMEOUT_VARIABLE + ")");
                announced = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another thread of this JVM: wait for it like for another process
        }
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        byte[] line = ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(line), 0);
    }

    private static String holder(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static long seconds(Duration timeout) {
        return Math.max(0, Math.round(timeout.toMillis() / 1000.0));
    }

    /** Releases the lock (the lock file stays: removing it could let a third process lock a file no one else sees). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
