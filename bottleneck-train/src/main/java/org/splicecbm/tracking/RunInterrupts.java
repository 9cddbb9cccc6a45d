package org.splicecbm.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.splicecbm.store.AtomicDirectory;

/**
 * What happens to a run when the JVM is stopped (Ctrl-C, SIGTERM) before it ends: a JVM shutdown hook
 * marks it {@code KILLED} with an end time (MLflow's convention for an interrupted run, in the file
 * store and on a server) and removes its unfinished output folder, so no half-written result is left
 * that looks like a finished one. The process then exits non-zero (130 or 143), as for any signal.
 * A run is covered between {@link #guard} and the {@link Guard#close() close} of the returned guard.
 */
public final class RunInterrupts {
    private static final Map<Guard, Boolean> ACTIVE = new ConcurrentHashMap<>();
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

        private void interrupted() {
            StringBuilder kept = new StringBuilder();
            try {
                run.killed();
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

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ACTIVE.keySet().forEach(Guard::interrupted), "splice-interrupt"));
            hookInstalled = true;
        }
    }
}
