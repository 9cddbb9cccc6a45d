package org.splicecbm.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interrupt hook and the run's own thread race to end a run: the hook removes the run's output folder,
 * which can make the thread fail while writing there. KILLED must stand whichever order they take.
 */
class RunInterruptsTest {

    @Test
    void aFailureCausedByTheInterruptDoesNotOverwriteKilled(@TempDir Path dir) throws IOException {
        TrackedRun run = new FileStoreTracker(dir.resolve("mlruns")).startRun("e", "r", Map.of());
        Path output = Files.createDirectories(dir.resolve("runs/r/model"));
        try (RunInterrupts.Guard guard = RunInterrupts.guard(run, "train run r", dir.resolve("runs/r"))) {
            guard.interrupted(); // as the shutdown hook does on SIGTERM
            assertFalse(Files.exists(output), "the unfinished output is removed");
            RunInterrupts.failed(run, new NoSuchFileException(output.resolve("weights.bin").toString()));
            RunInterrupts.finished(run);
        }
        assertEquals(5, status(dir, run), "still KILLED");
        assertFalse(Files.exists(runDir(dir, run).resolve("tags/splice.error")), "no error tag from the failure the signal caused");
    }

    @Test
    void aRunThatFailedBeforeTheSignalWhileStillGuardedEndsKilled(@TempDir Path dir) throws IOException {
        TrackedRun run = new FileStoreTracker(dir.resolve("mlruns")).startRun("e", "r", Map.of());
        try (RunInterrupts.Guard guard = RunInterrupts.guard(run, "train run r", null)) {
            RunInterrupts.failed(run, new IllegalStateException("disk full"));
            assertEquals(4, status(dir, run));
            guard.interrupted();
        }
        assertEquals(5, status(dir, run), "the signal arrived before the run was over");
    }

    @Test
    void withoutAnInterruptRunsEndAsTheirThreadSays(@TempDir Path dir) throws IOException {
        FileStoreTracker tracker = new FileStoreTracker(dir.resolve("mlruns"));
        TrackedRun ok = tracker.startRun("e", "ok", Map.of());
        TrackedRun bad = tracker.startRun("e", "bad", Map.of());
        try (RunInterrupts.Guard a = RunInterrupts.guard(ok, "ok", null); RunInterrupts.Guard b = RunInterrupts.guard(bad, "bad", null)) {
            RunInterrupts.finished(ok);
            RunInterrupts.failed(bad, new IllegalArgumentException("labels differ"));
        }
        assertEquals(3, status(dir, ok));
        assertEquals(4, status(dir, bad));
        assertTrue(Files.readString(runDir(dir, bad).resolve("tags/splice.error")).equals("IllegalArgumentException: labels differ"));
    }

    private static Path runDir(Path dir, TrackedRun run) {
        return dir.resolve("mlruns").resolve(run.experimentId()).resolve(run.runId());
    }

    private static int status(Path dir, TrackedRun run) throws IOException {
        return ((Number) MlflowYaml.read(runDir(dir, run).resolve("meta.yaml")).get("status")).intValue();
    }
}
