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

    /** Human-readable location, e.g. {@code file:///home/me/mlruns} or {@code http://mlflow:5000}. */
    String location();

    @Override
    default void close() {}
}
