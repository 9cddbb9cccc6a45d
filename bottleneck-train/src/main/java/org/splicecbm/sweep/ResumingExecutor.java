package org.splicecbm.sweep;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a sweep resumable: a path already in the {@link TrialStore} (same point, same resolved config)
 * is returned as stored; any other path runs and is stored the moment it finishes.
 */
public final class ResumingExecutor implements TrialExecutor {
    private final TrialStore store;
    private final TrialExecutor delegate;
    private final AtomicInteger resumed = new AtomicInteger();

    /** Paths from {@code store} when finished, else from {@code delegate} (then stored). */
    public ResumingExecutor(TrialStore store, TrialExecutor delegate) {
        this.store = store;
        this.delegate = delegate;
    }

    @Override
    public PathOutcome run(Trial trial) throws Exception {
        Optional<PathOutcome> done = store.completed(trial);
        if (done.isPresent()) {
            resumed.incrementAndGet();
            return done.get();
        }
        PathOutcome result = delegate.run(trial);
        store.save(result);
        return result;
    }

    /** How many paths were taken from the store instead of run. */
    public int resumed() {
        return resumed.get();
    }
}
