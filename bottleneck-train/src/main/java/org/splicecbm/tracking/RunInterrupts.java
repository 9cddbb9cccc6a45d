package org.splicecbm.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/**
 * What happens to a run when the JVM is stopped (Ctrl-C, SIGTERM) before it ends: a JVM shutdown hook
 * marks it {@code KILLED} with an end time (MLflow's convention for an interrupted run, in the file
 * store and on a server) and removes its unfinished output folder, so no half-written result is left
 * that looks like a finished one. The process then exits non-zero (130 or 143), as for any signal.
 * A run is covered between {@link #guard} and the {@link Guard#close() close} of the returned guard.
 *
 * <p>The run's own thread keeps going while the hook runs, and removing its output can make it fail
 * (a model written into a folder that just went away). So a run is ended through {@link #finished} and
 * {@link #failed}, which leave a run the hook has marked KILLED as it is: the signal is why it stopped.
 */
public final class RunInterrupts {
    private static final Map<Guard, Boolean> ACTIVE = new ConcurrentHashMap<>();
    /** Runs the hook ended; guarded by the class lock, which also orders their ending against the hook's. */
    private static final Set<TrackedRun> KILLED = Collections.newSetFromMap(new IdentityHashMap<>());
    private static volatile boolean hookInstalled;

    private RunInterrupts() {}

    /** Covers a running run; close the guard once the run has ended (finished or failed) and its output is complete. */
    public static final class Guard implements AutoCloseable {
        private final TrackedRun run;
        private final String description;
        private final Path partialOutput;

        private Guard(TrackedRun run, String description, Path partialOutput) {
            this.run = run;
            this.description = description;
            this.partialOutput = partialOutput;
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
        }

        void interrupted() { // package-private: the hook calls it; RunInterruptsTest calls it as the hook would
            StringBuilder kept = new StringBuilder();
            try {
                markKilled(run);
                kept.append("marked KILLED in tracking (run ").append(run.runId()).append(")");
            } catch (RuntimeException e) {
                kept.append("could not mark it KILLED: ").append(e.getMessage());
            }
            if (partialOutput != null) {
                kept.append(removePartialOutput());
            }
            System.err.println("interrupted: " + description + " " + kept + "; finished results and caches are kept");
        }

        /** The run's thread keeps going while hooks run and may still be writing there, so a few attempts. */
        private String removePartialOutput() {
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    AtomicDirectory.deleteRecursively(partialOutput);
                    return "; removed its unfinished output " + partialOutput;
                } catch (IOException e) {
                    last = e;
                }
            }
            return "; could not remove its unfinished output " + partialOutput + ": " + last;
        }
    }

    /**
     * Covers {@code run} until the guard is closed.
     *
     * @param description   what is running, for the message, e.g. {@code train run tiny-20261129-131500}
     * @param partialOutput the run's own output folder, removed when interrupted (null: nothing to remove)
     */
    public static Guard guard(TrackedRun run, String description, Path partialOutput) {
        installHook();
        Guard guard = new Guard(run, description, partialOutput);
        ACTIVE.put(guard, Boolean.TRUE);
        return guard;
    }

    /** A run's work, which may throw {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /**
     * Does {@code work} covered by a guard and ends the run FINISHED, or FAILED with the exception
     * (rethrown), unless a signal ended it KILLED first. The guard stays open until the run has ended, so a
     * signal while it is being ended still ends it KILLED.
     */
    public static <T, E extends Exception> T runToEnd(TrackedRun run, String description, Path partialOutput,
                                                      Work<T, E> work) throws E {
        try (Guard guard = guard(run, description, partialOutput)) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                failed(run, e);
                throw e;
            }
            finished(run);
            return result;
        }
    }

    /** Ends {@code run} FINISHED, unless an interrupt has already ended it KILLED. */
    public static void finished(TrackedRun run) {
        end(run, RunOutcome.FINISHED, null);
    }

    /** Ends {@code run} FAILED with the exception's type and message as its error tag, unless it was ended KILLED. */
    public static void failed(TrackedRun run, Exception error) {
        end(run, RunOutcome.FAILED, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private static synchronized void end(TrackedRun run, RunOutcome outcome, String error) {
        if (!KILLED.contains(run)) {
            run.finish(outcome, error);
        }
    }

    private static synchronized void markKilled(TrackedRun run) {
        KILLED.add(run);
        run.killed();
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ACTIVE.keySet().forEach(Guard::interrupted), "splice-interrupt"));
            hookInstalled = true;
        }
    }
}
