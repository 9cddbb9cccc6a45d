package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Only one process at a time builds a given embedding cache: two {@code features} runs sharing one
 * {@code output:} would otherwise write chunks into the same {@code .partial} folder. An
 * {@link ExclusiveFileLock} on {@code <digest>.lock} beside the cache; the second process waits (saying
 * so once) and then finds the cache complete, or fails after a timeout naming the holder. The OS releases
 * the lock when its process ends, {@code kill -9} included, so a crashed build never blocks the next one
 * and resuming its committed chunks is unchanged.
 */
public final class CacheBuildLock implements AutoCloseable {
    /** Environment variable: how many seconds a run waits for another process's build of the same cache. */
    public static final String TIMEOUT_VARIABLE = "SPLICE_CACHE_LOCK_TIMEOUT";
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    private static final long POLL_MILLIS = 250;

    private final ExclusiveFileLock held;

    private CacheBuildLock(ExclusiveFileLock held) {
        this.held = held;
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
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (true) {
            // held by another thread of this JVM: wait for it like for another process
            Optional<ExclusiveFileLock> held = ExclusiveFileLock.tryAcquire(lockFile);
            if (held.isPresent()) {
                return new CacheBuildLock(held.get());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("embedding cache " + what + " is still being built by another process ("
                        + ExclusiveFileLock.holder(lockFile) + ") after waiting " + seconds(timeout)
                        + " s; rerun when it has finished (or set " + TIMEOUT_VARIABLE + " to wait longer, in seconds)");
            }
            if (!announced) {
                waiting.accept("waiting: embedding cache " + what + " is being built by another process ("
                        + ExclusiveFileLock.holder(lockFile) + "); this run uses it once it is complete (waiting at most "
                        + seconds(timeout) + " s, " + TIMEOUT_VARIABLE + ")");
                announced = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static long seconds(Duration timeout) {
        return Math.max(0, Math.round(timeout.toMillis() / 1000.0));
    }

    /** Releases the lock (the lock file stays, see {@link ExclusiveFileLock}). */
    @Override
    public void close() throws IOException {
        held.close();
    }
}
