package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * The server path as a secured MLflow deployment sees it: credentials from MLFLOW_TRACKING_* (as MLflow's
 * Python client reads them) on every call including artifact uploads, log-batch limits for params,
 * metrics, tags and the entity total, and KILLED over REST.
 */
class MlflowServerAuthAndLimitsTest {

    @Test
    void bearerTokenIsSentOnEveryCallIncludingArtifacts(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.requireAuthorization = "Bearer s3cret";
            try (MlflowServerTracker tracker = new MlflowServerTracker(server.uri(), Map.of("MLFLOW_TRACKING_TOKEN", "s3cret"))) {
                logOneRun(tracker, dir);
            }
            assertEquals(List.of(), server.violations);
            assertEquals("FINISHED", server.activeRuns().get(0).status);
            assertFalse(server.artifacts.isEmpty());
            assertTrue(server.requests.stream().allMatch(r -> "Bearer s3cret".equals(r.authorization())));
        }
    }

    @Test
    void usernameAndPasswordAreHttpBasicAndWinOverATokenAsInMlflowsClients(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.requireAuthorization = "Basic " + Base64.getEncoder().encodeToString("ana:pa:ss".getBytes(StandardCharsets.UTF_8));
            Map<String, String> env = Map.of("MLFLOW_TRACKING_USERNAME", "ana", "MLFLOW_TRACKING_PASSWORD", "pa:ss",
                    "MLFLOW_TRACKING_TOKEN", "ignored-when-basic-is-set");
            try (MlflowServerTracker tracker = new MlflowServerTracker(server.uri(), env)) {
                logOneRun(tracker, dir);
            }
            assertEquals(List.of(), server.violations);
            assertEquals(1, server.activeRuns().size());
            assertFalse(server.artifacts.isEmpty());
        }
    }

    @Test
    void missingOrWrongCredentialsFailWith401(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.requireAuthorization = "Bearer s3cret";
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("MLFLOW_TRACKING_TOKEN", "wrong"))) {
                try (MlflowServerTracker tracker = new MlflowServerTracker(server.uri(), env)) {
                    RuntimeException e = assertThrows(RuntimeException.class, () -> tracker.startRun("e", "r", Map.of()));
                    assertTrue(MirroredTracker.describe(e).contains("401"), MirroredTracker.describe(e));
                }
            }
            assertTrue(server.activeRuns().isEmpty());
        }
    }

    @Test
    void batchesStayWithinEveryLimitAndLoseNothing() {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            metrics.add(Metric.newBuilder().setKey("m" + i % 7).setValue(i).setStep(i).setTimestamp(i).build());
        }
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            params.add(Param.newBuilder().setKey("p" + i).setValue("v").build());
        }
        List<RunTag> tags = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            tags.add(RunTag.newBuilder().setKey("t" + i).setValue("v").build());
        }
        List<LogBatches.Batch> batches = LogBatches.split(metrics, params, tags);
        int m = 0;
        int p = 0;
        int t = 0;
        for (LogBatches.Batch b : batches) {
            assertTrue(b.metrics().size() <= 1000 && b.params().size() <= 100 && b.tags().size() <= 100, b.toString());
            assertTrue(b.metrics().size() + b.params().size() + b.tags().size() <= 1000, "entity total");
            m += b.metrics().size();
            p += b.params().size();
            t += b.tags().size();
        }
        assertEquals(List.of(2500, 150, 250), List.of(m, p, t));
        // 2900 entities need at least 3 requests; greedy filling needs exactly 3
        assertEquals(3, batches.size());
        assertEquals(metrics.get(0), batches.get(0).metrics().get(0), "metric order (steps) is kept");
    }

    @Test
    void aRunWithMoreThanTheLimitsIsSplitAndArrivesWhole() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer();
             MlflowServerTracker tracker = new MlflowServerTracker(server.uri(), Map.of())) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < 250; i++) {
                tags.put("tag" + i, Integer.toString(i));
            }
            TrackedRun run = tracker.startRun("e", "many", tags);
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int i = 0; i < 1200; i++) {
                metrics.put("m" + i, (double) i);
            }
            run.logMetrics(metrics, 3);
            run.setTags(tags);
            run.finish(TrackedRun.RunOutcome.FINISHED, null);

            assertEquals(List.of(), server.violations, "no request beyond MLflow's limits");
            FakeMlflowRun stored = server.activeRuns().get(0);
            assertEquals(250, stored.tags.keySet().stream().filter(k -> k.startsWith("tag")).count());
            assertEquals(1200, stored.metrics.size());
            assertTrue(server.calls("runs/log-batch").size() >= 3 + 2, "250 tags need 3 batches, 1200 metrics 2");
        }
    }

    @Test
    void killedRunIsUpdatedWithStatusAndEndTimeOverRest() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer();
             MlflowServerTracker tracker = new MlflowServerTracker(server.uri(), Map.of())) {
            TrackedRun run = tracker.startRun("e", "interrupted", Map.of());
            long before = System.currentTimeMillis();
            run.killed();
            var update = server.calls("runs/update").get(0).json();
            assertEquals("KILLED", update.get("status").asText());
            assertTrue(update.get("end_time").asLong() >= before);
            assertEquals("KILLED", server.activeRuns().get(0).status);
            assertEquals(List.of(), server.violations);
        }
    }

    private static void logOneRun(MlflowServerTracker tracker, Path dir) throws IOException {
        TrackedRun run = tracker.startRun("secured", "r", Map.of("k", "v"));
        run.logParams(Map.of("a", "1"));
        run.logMetrics(Map.of("acc", 0.5), 0);
        run.logArtifact(Files.writeString(dir.resolve("model.json"), "{}"), "model");
        run.finish(TrackedRun.RunOutcome.FINISHED, null);
    }
}
