package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/**
 * A server outage during a run, then {@code splice tracking sync}: the user is told where the run is, the
 * command fails unless best effort was asked for, and the sync brings the run to the server whole and
 * only once.
 */
class MirrorSyncTest {

    @Test
    void outageNamesTheMirrorAndIsAnErrorUnlessBestEffort(@TempDir Path dir) throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.failWithStatus = 503;
            for (boolean bestEffort : List.of(false, true)) {
                MirroredTracker tracker = new MirroredTracker(new FileStoreTracker(dir.resolve("mlruns")),
                        new MlflowServerTracker(server.uri(), Map.of()), bestEffort);
                TrackedRun run = tracker.startRun("e", "r", Map.of());
                run.finish(RunOutcome.FINISHED, null);
                assertTrue(tracker.location().startsWith(dir.resolve("mlruns").toUri().toString()), tracker.location());
                assertTrue(tracker.location().contains("only") && tracker.location().contains("splice tracking sync"), tracker.location());
                assertEquals(!bestEffort, tracker.outage().isPresent());
                tracker.outage().ifPresent(e -> assertTrue(e.getMessage().contains("tracking.best_effort")
                        && e.getMessage().contains("--to " + server.uri()), e.getMessage()));
            }
        }
    }

    @Test
    void syncUploadsAMirroredRunWholeAndASecondSyncUploadsNothing(@TempDir Path dir) throws IOException {
        Path mirror = dir.resolve("mlruns");
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.failWithStatus = 503;
            MirroredTracker tracker = new MirroredTracker(new FileStoreTracker(mirror), new MlflowServerTracker(server.uri(), Map.of()));
            TrackedRun run = tracker.startRun("cifar", "run-1", Map.of("splice.backbone", "tiny"));
            run.logParams(Map.of("splice.l1_penalty", "0.25", "probe/lr", "0.05"));
            for (int epoch = 0; epoch < 3; epoch++) {
                run.logMetrics(Map.of("val_accuracy", 0.5 + epoch / 10.0), epoch);
            }
            run.logArtifact(Files.writeString(dir.resolve("report.html"), "<html>ok</html>"), "report");
            run.finish(RunOutcome.FINISHED, null);
            assertTrue(tracker.outage().isPresent());
            server.failWithStatus = 0;
            int requestsBefore = server.requests.size();

            MirrorSync.Report first = sync(server, mirror);
            assertEquals(new MirrorSync.Report(1, 0, 0), first);
            assertEquals(List.of(), server.violations);
            FakeMlflowRun copy = server.activeRuns().get(0);
            StoredRun local = StoredRun.read(mirror.resolve(run.experimentId()).resolve(run.runId()));
            assertEquals("run-1", copy.runName);
            assertEquals(local.startTime(), copy.startTime);
            assertEquals("FINISHED", copy.status);
            assertEquals(local.endTime(), copy.endTime, "the end time of the run, not of the sync");
            assertEquals(Map.of("splice.l1_penalty", "0.25", "probe/lr", "0.05"), copy.params);
            assertEquals(local.metrics().stream().map(v -> List.of(v.key(), v.value(), v.timestamp(), v.step())).toList(),
                    copy.metrics.stream().map(v -> List.<Object>of(v.key(), v.value(), v.timestamp(), v.step())).toList(),
                    "every value with its step and timestamp");
            assertEquals("tiny", copy.tags.get("splice.backbone"));
            assertEquals(run.runId(), copy.tags.get(MirroredTracker.MIRROR_RUN_ID_TAG));
            assertFalse(copy.tags.containsKey("splice.tracking_error"), "the mirror's own notes stay local");
            String artifactPath = copy.experimentId + "/" + copy.runId + "/artifacts/report/report.html";
            assertEquals("<html>ok</html>", new String(server.artifacts.get(artifactPath)));
            assertEquals(copy.runId, Files.readString(local.dir().resolve("tags").resolve(MirrorSync.syncedTag(server.uri()))));

            int requestsAfterFirst = server.requests.size();
            assertTrue(requestsAfterFirst > requestsBefore);
            assertEquals(new MirrorSync.Report(0, 1, 0), sync(server, mirror));
            assertEquals(requestsAfterFirst, server.requests.size(), "a second sync sends nothing");
            assertEquals(1, server.activeRuns().size());
        }
    }

    @Test
    void anUploadCutOffHalfWayIsRedoneNotDoubled(@TempDir Path dir) throws IOException {
        Path mirror = dir.resolve("mlruns");
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            FileStoreTracker local = new FileStoreTracker(mirror);
            TrackedRun run = local.startRun("e", "r", Map.of());
            run.logMetrics(Map.of("loss", 1.0), 0);
            run.finish(RunOutcome.FINISHED, null);
            // a sync that died after creating the server run and logging once
            try (MlflowServerTracker direct = new MlflowServerTracker(server.uri(), Map.of())) {
                TrackedRun partial = direct.startRun("e", "r", Map.of(MirroredTracker.MIRROR_RUN_ID_TAG, run.runId()));
                partial.logMetrics(Map.of("loss", 1.0), 0);
            }
            assertEquals(new MirrorSync.Report(1, 0, 0), sync(server, mirror));
            assertEquals(1, server.activeRuns().size(), "the partial copy is deleted");
            assertEquals(1, server.activeRuns().get(0).metrics.size(), "each value once");
            assertEquals("true", server.activeRuns().get(0).tags.get(MirrorSync.COMPLETE_TAG));
        }
    }

    @Test
    void liveMirroredRunsAndRunningRunsAreNotUploaded(@TempDir Path dir) throws IOException {
        Path mirror = dir.resolve("mlruns");
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            MirroredTracker tracker = new MirroredTracker(new FileStoreTracker(mirror), new MlflowServerTracker(server.uri(), Map.of()));
            tracker.startRun("e", "delivered", Map.of()).finish(RunOutcome.FINISHED, null);
            tracker.startRun("e", "still-running", Map.of());
            int created = server.calls("runs/create").size();
            assertEquals(new MirrorSync.Report(0, 1, 1), sync(server, mirror));
            assertEquals(created, server.calls("runs/create").size());
        }
    }

    private static MirrorSync.Report sync(FakeMlflowServer server, Path mirror) throws IOException {
        try (MlflowServerTracker target = new MlflowServerTracker(server.uri(), Map.of())) {
            return new MirrorSync(target, new PrintStream(new ByteArrayOutputStream())).sync(mirror);
        }
    }
}
