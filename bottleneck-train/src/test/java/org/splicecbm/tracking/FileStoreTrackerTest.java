package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/** Checks the local store file by file against MLflow's file-store format (mlflow/store/tracking/file_store.py). */
class FileStoreTrackerTest {

    /** Runs started at once (a sweep's neighbours, two commands) share one Default experiment and one per name. */
    @Test
    void runsStartedAtOnceCreateEachExperimentOnce(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("mlruns");
        int starts = 8;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(starts);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(starts);
        try {
            List<java.util.concurrent.Future<String>> experimentIds = new java.util.ArrayList<>();
            for (int i = 0; i < starts; i++) {
                int n = i;
                experimentIds.add(pool.submit(() -> {
                    together.await();
                    return new FileStoreTracker(root).startRun("shared", "run-" + n, Map.of()).experimentId();
                }));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> id : experimentIds) {
                ids.add(id.get());
            }
            assertEquals(1, ids.size(), "one experiment called 'shared', not one per run: " + ids);
        } finally {
            pool.shutdownNow();
        }
        try (var dirs = Files.list(root)) {
            List<String> experiments = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(List.of("0", "1"), experiments, "Default and 'shared' only");
        }
        assertEquals(starts, Files.list(root.resolve("1")).filter(Files::isDirectory).count(), "every run kept");
    }

    @Test
    void writesTheMlflowFileStoreLayout(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("mlruns");
        FileStoreTracker tracker = new FileStoreTracker(root);
        TrackedRun run = tracker.startRun("cifar10-probe", "l1=0.25", Map.of("splice.backbone", "open_clip:ViT-B-32"));
        run.logParams(Map.of("splice.l1_penalty", "0.25", "probe.epochs", "50"));
        run.logMetrics(Map.of("val_accuracy", 0.5), 0);
        run.logMetrics(Map.of("val_accuracy", 0.75), 1);
        Path artifact = Files.writeString(dir.resolve("concepts.csv"), "class,concept\n");
        run.logArtifact(artifact, "tables");
        run.finish(RunOutcome.FINISHED, null);

        Map<String, Object> defaultExperiment = MlflowYaml.read(root.resolve("0/meta.yaml"));
        assertEquals("Default", defaultExperiment.get("name"));
        assertEquals("0", defaultExperiment.get("experiment_id"));

        Path expDir = root.resolve(run.experimentId());
        Map<String, Object> experiment = MlflowYaml.read(expDir.resolve("meta.yaml"));
        assertEquals("cifar10-probe", experiment.get("name"));
        assertEquals("active", experiment.get("lifecycle_stage"));
        assertEquals(expDir.toUri().toString().replaceAll("/$", ""), experiment.get("artifact_location"));
        assertTrue(Files.readString(expDir.resolve("meta.yaml")).matches("(?s).*experiment_id: ['\"]" + run.experimentId() + "['\"].*"),
                "MLflow writes experiment ids as quoted strings");

        Path runDir = expDir.resolve(run.runId());
        assertTrue(run.runId().matches("[0-9a-f]{32}"), run.runId());
        Map<String, Object> meta = MlflowYaml.read(runDir.resolve("meta.yaml"));
        assertEquals(run.runId(), meta.get("run_id"));
        assertEquals(run.runId(), meta.get("run_uuid"));
        assertEquals("l1=0.25", meta.get("run_name"));
        assertEquals(3, meta.get("status"), "FINISHED is RunStatus 3");
        assertEquals(4, meta.get("source_type"), "SourceType.LOCAL");
        assertEquals(List.of(), meta.get("tags"));
        assertInstanceOf(Number.class, meta.get("end_time"));
        assertEquals(runDir.resolve("artifacts").toUri().toString().replaceAll("/$", ""), meta.get("artifact_uri"));

        assertEquals("0.25", Files.readString(runDir.resolve("params/splice.l1_penalty")));
        assertEquals("50", Files.readString(runDir.resolve("params/probe.epochs")));
        assertEquals("open_clip:ViT-B-32", Files.readString(runDir.resolve("tags/splice.backbone")));
        assertEquals("l1=0.25", Files.readString(runDir.resolve("tags/mlflow.runName")));
        List<String> lines = Files.readAllLines(runDir.resolve("metrics/val_accuracy"));
        assertEquals(2, lines.size());
        for (int step = 0; step < 2; step++) {
            String[] parts = lines.get(step).split(" ");
            assertEquals(3, parts.length, "metric lines are 'timestamp value step'");
            assertTrue(Long.parseLong(parts[0]) > 1_600_000_000_000L, "timestamp in milliseconds");
            assertEquals(step == 0 ? 0.5 : 0.75, Double.parseDouble(parts[1]));
            assertEquals(step, Integer.parseInt(parts[2]));
        }
        assertEquals("class,concept\n", Files.readString(runDir.resolve("artifacts/tables/concepts.csv")));
    }

    @Test
    void reusesAnExperimentByNameAndNumbersNewOnes(@TempDir Path dir) {
        FileStoreTracker tracker = new FileStoreTracker(dir);
        TrackedRun a = tracker.startRun("exp-a", "r1", Map.of());
        TrackedRun b = tracker.startRun("exp-b", "r2", Map.of());
        TrackedRun c = new FileStoreTracker(dir).startRun("exp-a", "r3", Map.of());
        assertEquals("1", a.experimentId());
        assertEquals("2", b.experimentId());
        assertEquals(a.experimentId(), c.experimentId());
        assertNotEquals(a.runId(), c.runId());
    }

    @Test
    void failedRunIsMarkedFailedWithTheError(@TempDir Path dir) throws IOException {
        TrackedRun run = new FileStoreTracker(dir).startRun("e", "r", Map.of());
        run.finish(RunOutcome.FAILED, "features and labels differ in length");
        Path runDir = dir.resolve(run.experimentId()).resolve(run.runId());
        assertEquals(4, MlflowYaml.read(runDir.resolve("meta.yaml")).get("status"));
        assertEquals("features and labels differ in length", Files.readString(runDir.resolve("tags/splice.error")));
    }

    @Test
    void paramsAreImmutableAndKeysValidated(@TempDir Path dir) {
        TrackedRun run = new FileStoreTracker(dir).startRun("e", "r", Map.of());
        run.logParams(new LinkedHashMap<>(Map.of("a", "1")));
        run.logParams(Map.of("a", "1"));
        IllegalStateException changed = assertThrows(IllegalStateException.class, () -> run.logParams(Map.of("a", "2")));
        assertTrue(changed.getMessage().contains("cannot change"), changed.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> run.logParams(Map.of("../x", "1")));
        assertTrue(bad.getMessage().contains("../x"), bad.getMessage());
    }

    @Test
    void anInterruptedRunEndsKilledWithAnEndTime(@TempDir Path dir) throws IOException {
        FileStoreTracker tracker = new FileStoreTracker(dir.resolve("mlruns"));
        TrackedRun run = tracker.startRun("e", "interrupted", Map.of());
        Path meta = dir.resolve("mlruns").resolve(run.experimentId()).resolve(run.runId()).resolve("meta.yaml");
        assertEquals(1, MlflowYaml.read(meta).get("status"), "RUNNING is RunStatus 1");
        assertNull(MlflowYaml.read(meta).get("end_time"));
        long before = System.currentTimeMillis();
        run.killed();
        Map<String, Object> ended = MlflowYaml.read(meta);
        assertEquals(5, ended.get("status"), "KILLED is RunStatus 5");
        assertTrue(((Number) ended.get("end_time")).longValue() >= before, "end time recorded: " + ended);
    }
}
