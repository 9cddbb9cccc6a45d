package org.splicecbm.workflow;

import java.nio.file.Path;
import org.splicecbm.sweep.FeaturePoint;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.TrackedRun;

/**
 * Keeps a sweep's parent run covered by {@link RunInterrupts} with a message that says, at the moment of a
 * Ctrl-C or SIGTERM, which path was running and how many finished paths the trial store keeps: the guard is
 * renewed when a path starts or ends. The unfinished results folder is removed, the parent run ends KILLED.
 */
final class SweepInterrupts implements AutoCloseable {
    private final TrackedRun parent;
    private final String sweepId;
    private final Path resultsDir;
    private final Path store;
    private final int paths;
    private int finished;
    private RunInterrupts.Guard guard;

    SweepInterrupts(TrackedRun parent, String sweepId, Path resultsDir, Path store, int paths, int finished) {
        this.parent = parent;
        this.sweepId = sweepId;
        this.resultsDir = resultsDir;
        this.store = store;
        this.paths = paths;
        this.finished = finished;
        renew("before its first path");
    }

    synchronized void pathStarted(FeaturePoint point) {
        renew("while running the path of " + point);
    }

    synchronized void pathFinished() {
        finished++;
        renew("between paths");
    }

    synchronized void writingResults() {
        renew("while writing its results");
    }

    private void renew(String when) {
        RunInterrupts.Guard next = RunInterrupts.guard(parent, "sweep " + sweepId + " " + when + " (" + finished + " of "
                + paths + " paths finished and kept in " + store + "; rerun the same command to resume them into this sweep)",
                resultsDir);
        if (guard != null) {
            guard.close();
        }
        guard = next;
    }

    @Override
    public synchronized void close() {
        guard.close();
    }
}
