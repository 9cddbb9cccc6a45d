package org.splicecbm.tracking;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** One run of a {@link MirroredTracker}: every call goes to the local run, then (best effort) to the server. */
final class MirroredRun implements TrackedRun {
    private final TrackedRun local;
    private TrackedRun server;
    private final MirroredTracker owner;

    MirroredRun(TrackedRun local, TrackedRun server, MirroredTracker owner) {
        this.local = local;
        this.server = server;
        this.owner = owner;
    }

    @Override
    public String runId() {
        return local.runId();
    }

    @Override
    public String experimentId() {
        return local.experimentId();
    }

    @Override
    public void logParams(Map<String, String> params) {
        local.logParams(params);
        mirror("log params", r -> r.logParams(params));
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        local.logMetrics(metrics, step);
        mirror("log metrics at step " + step, r -> r.logMetrics(metrics, step));
    }

    @Override
    public void setTags(Map<String, String> tags) {
        local.setTags(tags);
        mirror("set tags", r -> r.setTags(tags));
    }

    @Override
    public void logArtifact(Path file, String artifactDir) {
        local.logArtifact(file, artifactDir);
        mirror("upload artifact " + file.getFileName(), r -> r.logArtifact(file, artifactDir));
    }

    @Override
    public void finish(RunOutcome outcome, String error) {
        mirror("finish run", r -> r.finish(outcome, error));
        if (server != null) {
            owner.recordDelivered(local, server.runId());
        }
        local.finish(outcome, error);
    }

    /** Server id of the mirrored run, or null when the server never accepted it. */
    String serverRunId() {
        return server == null ? null : server.runId();
    }

    private void mirror(String call, Consumer<TrackedRun> action) {
        if (server == null) {
            return;
        }
        try {
            action.accept(server);
        } catch (RuntimeException e) {
            owner.recordFailure(local, call, e);
            // A server that failed once is not retried for every epoch: the local store has it all.
            server = null;
        }
    }
}
