package org.splicecbm.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per sweep: an OS file lock on {@code sweeps/<name>/sweep.lock}, held while the sweep runs.
 * A rerun continues the recorded parent run and results folder ({@link SweepState}), so a second process running
 * the same sweep at once would write into them too; it fails instead, before any work. The OS drops the lock when
 * the process dies (even kill -9), so a stale lock never blocks a later rerun.
 */
public final class SweepLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the sweep whose trial store is {@code store}.
     *
     * @throws IllegalStateException when another process (or this one) runs the same sweep
     */
    public static SweepLock acquire(TrialStore store) throws IOException {
        Path file = store.directory().resolveSibling("sweep.lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the sweep of " + store.directory().getParent() + " is already running in another"
                    + " process (" + file + " is locked); wait for it to end, then rerun to continue it, or give this config"
                    + " another name: or output:");
        }
        return new SweepLock(channel, lock);
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
