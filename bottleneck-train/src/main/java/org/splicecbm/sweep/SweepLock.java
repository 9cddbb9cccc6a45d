package org.splicecbm.sweep;

import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.store.ExclusiveFileLock;

/**
 * One process at a time per sweep: an OS file lock on {@code sweeps/<name>/sweep.lock}, held while the sweep runs.
 * A rerun continues the recorded parent run and results folder ({@link SweepState}), so a second process running
 * the same sweep at once would write into them too; it fails instead, before any work. The OS drops the lock when
 * the process dies (even kill -9), so a stale lock never blocks a later rerun.
 */
public final class SweepLock implements AutoCloseable {
    private final ExclusiveFileLock held;

    private SweepLock(ExclusiveFileLock held) {
        this.held = held;
    }

    /**
     * Takes the lock of the sweep whose trial store is {@code store}.
     *
     * @throws IllegalStateException when another process (or this one) runs the same sweep
     */
    public static SweepLock acquire(TrialStore store) throws IOException {
        Path file = store.directory().resolveSibling("sweep.lock");
        ExclusiveFileLock held = ExclusiveFileLock.tryAcquire(file).orElseThrow(() -> new IllegalStateException(
                "the sweep of " + store.directory().getParent() + " is already running in another process (" + file
                        + " is locked by " + ExclusiveFileLock.holder(file) + "); wait for it to end, then rerun to"
                        + " continue it, or give this config another name: or output:"));
        return new SweepLock(held);
    }

    @Override
    public void close() throws IOException {
        held.close();
    }
}
