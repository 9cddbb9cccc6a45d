package org.splicecbm.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * Records runs on an MLflow tracking server through MLflow's Java client ({@code http(s)://} URIs).
 * Credentials come from the environment as in MLflow's Python client: {@code MLFLOW_TRACKING_USERNAME}
 * and {@code MLFLOW_TRACKING_PASSWORD} (HTTP basic, used when both are set), else
 * {@code MLFLOW_TRACKING_TOKEN} (bearer). Artifacts go through the server's HTTP artifact API
 * ({@link HttpArtifactUploader}) because the Java client's own upload shells out to Python.
 */
public final class MlflowServerTracker implements RunTracker {
    private final String uri;
    private final MlflowClient client;
    private final HttpArtifactUploader artifacts;

    /** A tracker with credentials from this process's environment. */
    public MlflowServerTracker(String uri) {
        this(uri, System.getenv());
    }

    /** A tracker with credentials from {@code env} (the {@code MLFLOW_TRACKING_*} variables). */
    public MlflowServerTracker(String uri, Map<String, String> env) {
        this.uri = uri.replaceAll("/+$", "");
        BasicMlflowHostCreds creds = credentials(this.uri, env);
        this.client = new MlflowClient(creds);
        this.artifacts = new HttpArtifactUploader(this.uri, creds);
    }

    @Override
    public String location() {
        return uri;
    }

    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        CreateRun.Builder request = CreateRun.newBuilder()
                .setExperimentId(experimentId(experiment))
                .setRunName(runName)
                .setStartTime(System.currentTimeMillis())
                .setUserId(System.getProperty("user.name", "unknown"));
        List<RunTag> runTags = runTags(tags);
        if (runTags.size() <= LogBatches.MAX_TAGS) {
            request.addAllTags(runTags);
        }
        RunInfo info = client.createRun(request.build());
        if (runTags.size() > LogBatches.MAX_TAGS) {
            LogBatches.send(client, info.getRunId(), List.of(), List.of(), runTags);
        }
        return new MlflowServerRun(client, artifacts, info);
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        RunInfo info = client.getRun(runId).getInfo();
        // what MLflow's Python client sends for start_run(run_id=...): status only, the end time is left to the finish
        client.sendPost("runs/update", "{\"run_id\":\"" + runId + "\",\"run_uuid\":\"" + runId + "\",\"status\":\"RUNNING\"}");
        return new MlflowServerRun(client, artifacts, info);
    }

    /** The id of the server's experiment {@code name}, created when missing. */
    String experimentId(String name) {
        return client.getExperimentByName(name).map(e -> e.getExperimentId()).orElseGet(() -> client.createExperiment(name));
    }

    MlflowClient client() {
        return client;
    }

    HttpArtifactUploader artifacts() {
        return artifacts;
    }

    static List<RunTag> runTags(Map<String, String> tags) {
        List<RunTag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(RunTag.newBuilder().setKey(k).setValue(v).build()));
        return out;
    }

    @Override
    public void close() {
        client.close();
    }

    private static BasicMlflowHostCreds credentials(String uri, Map<String, String> env) {
        return new BasicMlflowHostCreds(uri, blankToNull(env.get("MLFLOW_TRACKING_USERNAME")),
                blankToNull(env.get("MLFLOW_TRACKING_PASSWORD")), blankToNull(env.get("MLFLOW_TRACKING_TOKEN")),
                "true".equalsIgnoreCase(env.get("MLFLOW_TRACKING_INSECURE_TLS")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
