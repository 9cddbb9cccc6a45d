package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/**
 * Protocol test: MLflow's real Java client (and our artifact uploader) against a loopback server that
 * checks each REST request against MLflow's API. No MLflow server runs here (it needs Python).
 */
class MlflowServerProtocolTest {

    @Test
    void runIsCreatedLoggedUploadedAndTerminatedThroughTheRestApi(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer(); MlflowServerTracker tracker = new MlflowServerTracker(server.uri())) {
            TrackedRun run = tracker.startRun("cifar10-probe", "trial-3", Map.of("splice.vocabulary", "laion"));
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < 150; i++) {
                params.put("p" + i, Integer.toString(i));
            }
            run.logParams(params);
            run.logMetrics(Map.of("train_loss", 1.25, "val_accuracy", 0.5), 7);
            Path model = Files.writeString(dir.resolve("model.json"), "{\"w\":[1,2]}");
            run.logArtifact(model, "model");
            run.finish(RunOutcome.FINISHED, null);

            assertEquals(java.util.List.of(), server.violations);
            // MLflow's Java client retries the 404 that get-by-name answers for a new experiment.
            assertFalse(server.calls("experiments/get-by-name").isEmpty());
            assertEquals("cifar10-probe", server.calls("experiments/create").get(0).json().get("name").asText());
            var create = server.calls("runs/create").get(0).json();
            assertEquals("trial-3", create.get("run_name").asText());
            assertEquals("splice.vocabulary", create.get("tags").get(0).get("key").asText());
            var batches = server.calls("runs/log-batch");
            assertEquals(3, batches.size(), "150 params need two batches (limit 100), plus one metrics batch");
            var metrics = batches.get(2).json().get("metrics");
            assertEquals(2, metrics.size());
            assertEquals(7, metrics.get(0).get("step").asLong());
            var upload = server.calls("model.json").get(0);
            assertEquals("PUT", upload.method());
            assertEquals("/api/2.0/mlflow-artifacts/artifacts/1/" + run.runId() + "/artifacts/model/model.json", upload.path());
            assertEquals("{\"w\":[1,2]}", new String(upload.body()));
            var update = server.calls("runs/update").get(0).json();
            assertEquals("FINISHED", update.get("status").asText());
            assertEquals(run.runId(), update.get("run_id").asText());
        }
    }

    @Test
    void serverErrorDoesNotLoseTheRun(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            MirroredTracker tracker = new MirroredTracker(new FileStoreTracker(dir), new MlflowServerTracker(server.uri()));
            TrackedRun run = tracker.startRun("e", "r", Map.of());
            server.failWithStatus = 503;
            run.logMetrics(Map.of("val_accuracy", 0.9), 0);
            run.logMetrics(Map.of("val_accuracy", 0.95), 1);
            run.finish(RunOutcome.FINISHED, null);

            Path runDir = dir.resolve(run.experimentId()).resolve(run.runId());
            assertEquals(2, Files.readAllLines(runDir.resolve("metrics/val_accuracy")).size(), "local store keeps every value");
            assertEquals(3, MlflowYaml.read(runDir.resolve("meta.yaml")).get("status"));
            assertFalse(tracker.serverErrors().isEmpty());
            String tag = Files.readString(runDir.resolve("tags/splice.tracking_error"));
            assertTrue(tag.contains(server.uri()) && tag.contains("503"), tag);
        }
    }

    @Test
    void unreachableServerStillCompletesLocally(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        RunTracker tracker = RunTrackers.open("http://127.0.0.1:" + closedPort, dir);
        TrackedRun run = tracker.startRun("e", "r", Map.of());
        run.logParams(Map.of("a", "1"));
        run.finish(RunOutcome.FINISHED, null);
        Path runDir = dir.resolve(run.experimentId()).resolve(run.runId());
        assertEquals("1", Files.readString(runDir.resolve("params/a")));
        assertTrue(Files.readString(runDir.resolve("tags/splice.tracking_error")).contains("start run"));
    }

    @Test
    void nonProxiedArtifactStoreGetsAClearError() {
        TrackingException e = assertThrows(TrackingException.class, () -> HttpArtifactUploader.artifactPath("s3://bucket/1/abc/artifacts"));
        assertTrue(e.getMessage().contains("--serve-artifacts"), e.getMessage());
        assertEquals("1/abc/artifacts", HttpArtifactUploader.artifactPath("mlflow-artifacts:/1/abc/artifacts"));
        assertEquals("1/abc/artifacts", HttpArtifactUploader.artifactPath("mlflow-artifacts://host:5000/1/abc/artifacts"));
    }
}
