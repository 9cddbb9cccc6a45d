package org.splicecbm.tracking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.tracking.MlflowClient;

/** A run on an MLflow server; params, metrics and tags are sent with {@code runs/log-batch} in MLflow's batch limits ({@link LogBatches}). */
final class MlflowServerRun implements TrackedRun {
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
        List<Param> list = new ArrayList<>();
        params.forEach((k, v) -> list.add(Param.newBuilder().setKey(k).setValue(v).build()));
        LogBatches.send(client, runId(), List.of(), list, List.of());
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        long now = System.currentTimeMillis();
        List<Metric> list = new ArrayList<>();
        metrics.forEach((k, v) -> list.add(Metric.newBuilder().setKey(k).setValue(v).setTimestamp(now).setStep(step).build()));
        LogBatches.send(client, runId(), list, List.of(), List.of());
    }

    @Override
    public void setTags(Map<String, String> tags) {
        LogBatches.send(client, runId(), List.of(), List.of(), MlflowServerTracker.runTags(tags));
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
        client.setTerminated(runId(), RunStatus.forNumber(outcome.mlflowStatus()), System.currentTimeMillis());
    }
}
