package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/**
 * {@link RunTracker#resumeRun}: an ended run runs again with everything it had, as MLflow's
 * {@code start_run(run_id=...)} does (a resumed sweep's parent run), in the file store, on a server and mirrored.
 */
class RunResumeTest {
    @TempDir
    Path dir;

    @Test
    void aFileStoreRunResumesWithItsParamsAndEndsAgain() throws IOException {
        FileStoreTracker tracker = new FileStoreTracker(dir.resolve("mlruns"));
        TrackedRun run = tracker.startRun("sweeps", "s-1", Map.of("splice.sweep", "s-1"));
        run.logParams(Map.of("probe.l1", "1.0E-4"));
        run.finish(RunOutcome.KILLED, null);
        Path runDir = dir.resolve("mlruns").resolve(run.experimentId()).resolve(run.runId());
        assertEquals(5, meta(runDir).get("status"));
        Object started = meta(runDir).get("start_time");

        TrackedRun resumed = new FileStoreTracker(dir.resolve("mlruns")).resumeRun(run.runId());
        assertEquals(run.runId(), resumed.runId());
        assertEquals(1, meta(runDir).get("status"), "RUNNING again");
        assertNull(meta(runDir).get("end_time"));
        assertEquals(started, meta(runDir).get("start_time"), "it keeps its start time");
        resumed.logParams(Map.of("probe.l1", "1.0E-4")); // same value: allowed, as in MLflow
        resumed.finish(RunOutcome.FINISHED, null);
        assertEquals(3, meta(runDir).get("status"));
        assertEquals("1.0E-4", Files.readString(runDir.resolve("params/probe.l1")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tracker.resumeRun("0123abc"));
        assertTrue(e.getMessage().contains("run 0123abc is not in the MLflow file store"), e.getMessage());
    }

    @Test
    void aMirroredRunResumesOnTheServerToo() throws IOException {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            MirroredTracker tracker = new MirroredTracker(new FileStoreTracker(dir.resolve("mirror")), new MlflowServerTracker(server.uri()));
            TrackedRun run = tracker.startRun("sweeps", "s-1", Map.of());
            run.finish(RunOutcome.KILLED, null);
            assertEquals("KILLED", server.activeRuns().get(0).status);

            TrackedRun resumed = tracker.resumeRun(run.runId());
            assertEquals(run.runId(), resumed.runId(), "the mirror's id");
            assertEquals("RUNNING", server.activeRuns().get(0).status);
            resumed.finish(RunOutcome.FINISHED, null);
            assertEquals("FINISHED", server.activeRuns().get(0).status);
            assertEquals(1, server.activeRuns().size(), "the same server run, not a new one");
            assertEquals(List.of(), server.violations);
            assertTrue(tracker.serverErrors().isEmpty(), tracker.serverErrors().toString());
        }
    }

    private static Map<String, Object> meta(Path runDir) throws IOException {
        return new YAMLMapper().readValue(runDir.resolve("meta.yaml").toFile(), new TypeReference<>() {});
    }
}
