package org.splicecbm.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records every run in a local MLflow file store (the mirror) and sends it to an MLflow server as it
 * goes. When the server is down or answers an error, training goes on and the local run keeps
 * everything; the failure is recorded (stderr, {@link #serverErrors()}, the local run's
 * {@code splice.tracking_error} tag), {@link #location()} then names the mirror, and {@link #outage()}
 * is the error to exit with, unless best-effort tracking was asked for. {@link MirrorSync} uploads the
 * mirrored runs later ({@code splice tracking sync}).
 */
public final class MirroredTracker implements RunTracker {
    /** Tag on the server's copy of a run: the id of the run in the mirror, so a later sync finds it. */
    static final String MIRROR_RUN_ID_TAG = "splice.mirror_run_id";
    private final FileStoreTracker local;
    private final RunTracker server;
    private final boolean bestEffort;
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());

    /** A mirror whose server failures make {@link #outage()} present (the default of {@code tracking.best_effort}). */
    public MirroredTracker(FileStoreTracker local, RunTracker server) {
        this(local, server, false);
    }

    /** @param bestEffort true when runs kept only in the mirror are acceptable (no {@link #outage()}) */
    public MirroredTracker(FileStoreTracker local, RunTracker server, boolean bestEffort) {
        this.local = local;
        this.server = server;
        this.bestEffort = bestEffort;
    }

    /** Every server call that failed, in order, as {@code <call>: <error>}. */
    public List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    @Override
    public String location() {
        if (serverErrors.isEmpty()) {
            return server.location() + " (mirrored locally at " + local.location() + ")";
        }
        return local.location() + " only: the MLflow server " + server.location() + " failed (" + serverErrors.get(0)
                + "); upload later with: splice tracking sync --from " + local.root() + " --to " + server.location();
    }

    @Override
    public Optional<TrackingException> outage() {
        if (serverErrors.isEmpty() || bestEffort) {
            return Optional.empty();
        }
        return Optional.of(new TrackingException("the run is complete but only in the local mirror " + local.location()
                + ": the MLflow server " + server.location() + " failed (" + serverErrors.get(0) + "). Upload it with"
                + " `splice tracking sync --from " + local.root() + " --to " + server.location() + "`, or set"
                + " tracking.best_effort: true to accept runs kept only locally"));
    }

    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        TrackedRun localRun = local.startRun(experiment, runName, tags);
        TrackedRun serverRun = null;
        try {
            Map<String, String> serverTags = new LinkedHashMap<>(tags);
            serverTags.put(MIRROR_RUN_ID_TAG, localRun.runId());
            serverRun = server.startRun(experiment, runName, serverTags);
            localRun.setTags(Map.of("splice.server_run_id", serverRun.runId(), "splice.server", server.location()));
        } catch (RuntimeException e) {
            recordFailure(localRun, "start run", e);
        }
        return new MirroredRun(localRun, serverRun, this);
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        FileStoreRun localRun = (FileStoreRun) local.resumeRun(runId);
        TrackedRun serverRun = null;
        try {
            java.util.Optional<String> serverRunId = localRun.tag("splice.server_run_id");
            if (serverRunId.isPresent()) {
                serverRun = server.resumeRun(serverRunId.get());
            } else {
                recordFailure(localRun, "resume run", new IllegalStateException("the run never reached the server"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            recordFailure(localRun, "resume run", e);
        }
        return new MirroredRun(localRun, serverRun, this);
    }

    /** Marks a local run as completely on the server, so {@link MirrorSync} leaves it alone. */
    void recordDelivered(TrackedRun localRun, String serverRunId) {
        localRun.setTags(Map.of(MirrorSync.syncedTag(server.location()), serverRunId));
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

    static String describe(RuntimeException e) {
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
