package org.splicecbm.tracking;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises changes to a file store's experiment table (the default experiment, a new experiment and its id)
 * across processes and threads, so that two runs started at once never both create experiment {@code 0} or two
 * experiments of one name. The lock file {@code .splice-store.lock} sits in the store's root; MLflow reads only
 * folders there, and the OS drops the lock when a process dies (kill -9 leaves nothing to clean up).
 */
final class StoreLock implements AutoCloseable {
    static final String FILE_NAME = ".splice-store.lock";
    /** A JVM's threads share one file lock, which the OS grants per process, not per thread. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until this process holds the store's lock. */
    static StoreLock acquire(Path storeRoot) throws IOException {
        IN_PROCESS.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(storeRoot.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StoreLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
