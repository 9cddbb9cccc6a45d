package org.splicecbm.tracking;

import java.nio.file.Path;
import java.util.Map;

/** One run being recorded: params once, stepped metrics, tags, artifacts, then an outcome. */
public interface TrackedRun {

    /** The tracker's id of this run (32 hex characters for MLflow). */
    String runId();

    /** The tracker's id of the run's experiment. */
    String experimentId();

    void logParams(Map<String, String> params);

    /** Logs metrics at one step (e.g. an epoch); the timestamp is now. */
    void logMetrics(Map<String, Double> metrics, long step);

    void setTags(Map<String, String> tags);

    /** Copies a local file into the run's artifacts under {@code artifactDir} ("" for the root). */
    void logArtifact(Path file, String artifactDir);

    /** Ends the run as FINISHED, or FAILED with {@code error} recorded as a tag, or KILLED; records the end time. */
    void finish(RunOutcome outcome, String error);

    /** Ends the run as KILLED with an end time: MLflow's convention for a run that was interrupted (Ctrl-C, SIGTERM). */
    default void killed() {
        finish(RunOutcome.KILLED, null);
    }

    /** How a run ended; the numbers are MLflow's {@code RunStatus} values. */
    enum RunOutcome {
        FINISHED(3), FAILED(4), KILLED(5);

        private final int mlflowStatus;

        RunOutcome(int mlflowStatus) {
            this.mlflowStatus = mlflowStatus;
        }

        public int mlflowStatus() {
            return mlflowStatus;
        }
    }
}
