package org.splicecbm.tracking;

import java.util.Map;

/**
 * Where training runs are recorded: an MLflow tracking server ({@link MlflowServerTracker}) or a
 * local MLflow file store ({@link FileStoreTracker}, the default, readable by {@code mlflow ui}).
 * Use {@link RunTrackers#open} to get the right one for a URI.
 */
public interface RunTracker extends AutoCloseable {

    /** Starts a run in {@code experiment} (created when missing) with the given run name and tags. */
    TrackedRun startRun(String experiment, String runName, Map<String, String> tags);

    /**
     * Continues an earlier run of this tracker, as MLflow's {@code start_run(run_id=...)} does: its status is
     * RUNNING again and it keeps its params, metrics, tags and artifacts (a resumed sweep's parent run).
     *
     * @throws IllegalArgumentException when the tracker has no run {@code runId}
     */
    default TrackedRun resumeRun(String runId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume run " + runId);
    }

    /**
     * Where the runs recorded so far are, for the user: e.g. {@code file:///home/me/mlruns} or
     * {@code http://mlflow:5000}; after a server outage, the local mirror that has them.
     */
    String location();

    /**
     * The failure to report once runs are safely stored: present when runs did not reach the tracking
     * server and best-effort tracking was not asked for ({@code tracking.best_effort}).
     */
    default java.util.Optional<TrackingException> outage() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {}
}
