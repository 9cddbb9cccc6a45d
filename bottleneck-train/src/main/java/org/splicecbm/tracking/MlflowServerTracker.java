package org.splicecbm.tracking;

import java.util.Map;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * Records runs on an MLflow tracking server through MLflow's Java client ({@code http(s)://} URIs).
 * Credentials come from {@code MLFLOW_TRACKING_TOKEN} or {@code MLFLOW_TRACKING_USERNAME}/
 * {@code MLFLOW_TRACKING_PASSWORD}, as in MLflow's Python client. Artifacts go through the server's
 * HTTP artifact API ({@link HttpArtifactUploader}) because the Java client's own upload shells out to Python.
 */
public final class MlflowServerTracker implements RunTracker {
    private final String uri;
    private final MlflowClient client;
    private final HttpArtifactUploader artifacts;

    public MlflowServerTracker(String uri) {
        this.uri = uri.replaceAll("/+$", "");
        BasicMlflowHostCreds creds = credentials(this.uri);
        this.client = new MlflowClient(creds);
        this.artifacts = new HttpArtifactUploader(this.uri, creds);
    }

    @Override
    public String location() {
        return uri;
    }

    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        String experimentId = client.getExperimentByName(experiment)
                .map(e -> e.getExperimentId())
                .orElseGet(() -> client.createExperiment(experiment));
        CreateRun.Builder request = CreateRun.newBuilder()
                .setExperimentId(experimentId)
                .setRunName(runName)
                .setStartTime(System.currentTimeMillis())
                .setUserId(System.getProperty("user.name", "unknown"));
        tags.forEach((k, v) -> request.addTags(RunTag.newBuilder().setKey(k).setValue(v)));
        RunInfo info = client.createRun(request.build());
        return new MlflowServerRun(client, artifacts, info);
    }

    @Override
    public void close() {
        client.close();
    }

    private static BasicMlflowHostCreds credentials(String uri) {
        String token = System.getenv("MLFLOW_TRACKING_TOKEN");
        if (token != null && !token.isEmpty()) {
            return new BasicMlflowHostCreds(uri, token);
        }
        String user = System.getenv("MLFLOW_TRACKING_USERNAME");
        if (user != null && !user.isEmpty()) {
            return new BasicMlflowHostCreds(uri, user, System.getenv("MLFLOW_TRACKING_PASSWORD"));
        }
        return new BasicMlflowHostCreds(uri);
    }
}
