package org.splicecbm.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/** A run on an MLflow server; params, metrics and tags are sent with {@code runs/log-batch} in MLflow's batch limits. */
final class MlflowServerRun implements TrackedRun {
    /** MLflow's REST limits for one {@code log-batch} call. */
    private static final int MAX_PARAMS = 100;
    private static final int MAX_METRICS = 1000;
    private final MlflowClient client;
    private final HttpArtifactUploader artifacts;
    private final RunInfo info;

    MlflowServerRun(MlflowClient client, HttpArtifactUploader artifacts, RunInfo info) {
        this.client = client;
        this.artifacts = artifacts;
        this.info = info;
    }

    @Override
    public String runId() {
        return info.getRunId();
    }

    @Override
    public String experimentId() {
        return info.getExperimentId();
    }

    @Override
    public void logParams(Map<String, String> params) {
        List<Param> batch = new ArrayList<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            batch.add(Param.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build());
            if (batch.size() == MAX_PARAMS) {
                client.logBatch(runId(), List.of(), batch, List.of());
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            client.logBatch(runId(), List.of(), batch, List.of());
        }
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        long now = System.currentTimeMillis();
        List<Metric> batch = new ArrayList<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            batch.add(Metric.newBuilder().setKey(e.getKey()).setValue(e.getValue()).setTimestamp(now).setStep(step).build());
            if (batch.size() == MAX_METRICS) {
                client.logBatch(runId(), batch, List.of(), List.of());
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            client.logBatch(runId(), batch, List.of(), List.of());
        }
    }

    @Override
    public void setTags(Map<String, String> tags) {
        List<RunTag> batch = new ArrayList<>();
        tags.forEach((k, v) -> batch.add(RunTag.newBuilder().setKey(k).setValue(v).build()));
        if (!batch.isEmpty()) {
            client.logBatch(runId(), List.of(), List.of(), batch);
        }
    }

    @Override
    public void logArtifact(Path file, String artifactDir) {
        artifacts.upload(info.getArtifactUri(), file, artifactDir);
    }

    @Override
    public void finish(RunOutcome outcome, String error) {
        if (error != null) {
            client.setTag(runId(), "splice.error", error.length() > 5000 ? error.substring(0, 5000) : error);
        }
        RunStatus status = switch (outcome) {
            case FINISHED -> RunStatus.FINISHED;
            case FAILED -> RunStatus.FAILED;
            case KILLED -> RunStatus.KILLED;
        };
        client.setTerminated(runId(), status, System.currentTimeMillis());
    }
}
