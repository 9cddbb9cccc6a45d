package org.splicecbm.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Records every run in a local MLflow file store and mirrors it to an MLflow server. The server is
 * best effort: when it is down or answers an error, training goes on, the local run keeps everything,
 * and the failure is reported (stderr, {@link #serverErrors()}, and the local run's
 * {@code splice.tracking_error} tag) instead of losing the result.
 */
public final class MirroredTracker implements RunTracker {
    private final FileStoreTracker local;
    private final RunTracker server;
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

    public MirroredTracker(FileStoreTracker local, RunTracker server) {
        this.local = local;
        this.server = server;
    }

    /** Every server call that failed, in order, as {@code <call>: <error>}. */
    public List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    @Override
    public String location() {
        return server.location() + " (mirrored locally at " + local.location() + ")";
    }

    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        TrackedRun localRun = local.startRun(experiment, runName, tags);
        TrackedRun serverRun = null;
        try {
            serverRun = server.startRun(experiment, runName, tags);
            localRun.setTags(Map.of("splice.server_run_id", serverRun.runId(), "splice.server", server.location()));
        } catch (RuntimeException e) {
            recordFailure(localRun, "start run", e);
        }
        return new MirroredRun(localRun, serverRun, this);
    }

    void recordFailure(TrackedRun localRun, String call, RuntimeException e) {
        String message = "MLflow server " + server.location() + " failed on " + call + ": " + describe(e)
                + "; the run continues and is complete in the local store " + local.location();
        if (serverErrors.isEmpty()) {
            System.err.println("warning: " + message);
        }
        serverErrors.add(call + ": " + describe(e));
        localRun.setTags(Map.of("splice.tracking_error", message));
    }

    private static String describe(RuntimeException e) {
        if (e instanceof org.mlflow.tracking.MlflowHttpException h) {
            return "HTTP " + h.getStatusCode() + " " + h.getReasonPhrase() + " " + h.getBodyMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            local.close();
        }
    }
}
