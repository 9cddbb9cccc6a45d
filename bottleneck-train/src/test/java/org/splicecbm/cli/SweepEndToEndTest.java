package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;

/**
 * {@code splice sweep} as a user runs it, in its own JVM on the tiny world: 2 vocabulary sizes x 2 SpLiCE
 * l1 x 2 probe l1 = 8 trials over 4 feature sets; then a rerun that resumes everything, and one that
 * reruns a single deleted trial.
 */
@Tag("heavy")
class SweepEndToEndTest {
    private static final String SWEEP = """
            sweep:
              vocabulary_size: [20, 30]
              splice_l1: [0.1, 0.2]
              probe_l1: [1.0e-3, 1.0e-2]
            """;

    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static CliProcess splice;
    static Path config;

    @BeforeAll
    static void world() throws IOException {
        hub = TinyWorld.hub(dir);
        splice = TinyWorld.cli(dir, hub);
        Path images = TinyWorld.images(dir.resolve("images"), 12);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        String run = TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1).replace("epochs: 30", "epochs: 10");
        config = Files.writeString(dir.resolve("sweep.yaml"), run + SWEEP);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void sweepsWritesTheTableAndPlotTracksEveryTrialAndResumes() throws Exception {
        CliProcess.Result first = splice.run("sweep", "--config", config.toString());
        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.stdout().contains("8 trials (grid search), 0 already done, 8 to run"), first.stdout());
        assertEquals(4, count(first.stdout(), "== features for"), "features once per (size, l1): " + first.stdout());
        Path sweepDir = onlySweepDir();
        List<String> rows = Files.readAllLines(sweepDir.resolve("trials.csv"));
        assertEquals(9, rows.size(), "header + one row per trial: " + rows);
        assertEquals(1, rows.stream().filter(r -> r.contains(",true,")).count(), "exactly one best trial: " + rows);
        assertTrue(rows.get(1).startsWith("0,20,0.1,0.001,") && rows.get(8).startsWith("7,30,0.2,0.01,"), "grid order: " + rows);
        assertTrue(Files.size(sweepDir.resolve("sparsity-accuracy.png")) > 1000);
        assertTrue(Files.size(sweepDir.resolve("sparsity-accuracy.svg")) > 1000);
        assertTrue(Files.readString(sweepDir.resolve("config.yaml")).contains("vocabulary_size:"));
        for (String family : List.of("words.txt-20-l1_0.1", "words.txt-20-l1_0.2", "words.txt-30-l1_0.1", "words.txt-30-l1_0.2")) {
            assertTrue(Files.isDirectory(dir.resolve("out/features").resolve(family).resolve("train")), family);
        }
        String sweepId = sweepDir.getFileName().toString();
        List<Path> children = runsTagged("splice.sweep", sweepId);
        assertEquals(9, children.size(), "8 trial runs + the parent run");
        List<Path> trialRuns = runsTagged("mlflow.parentRunId", null);
        assertEquals(8, trialRuns.size(), "each trial is a child run");
        Path parent = children.stream().filter(p -> !trialRuns.contains(p)).findFirst().orElseThrow();
        for (Path run : trialRuns) {
            assertEquals(parent.getFileName().toString(), Files.readString(run.resolve("tags/mlflow.parentRunId")));
        }
        assertTrue(Files.exists(parent.resolve("artifacts/trials.csv")), "the parent run holds the sweep's results");
        for (String row : rows.subList(1, rows.size())) {
            String runId = row.substring(row.lastIndexOf(',') + 1);
            assertTrue(children.stream().anyMatch(p -> p.getFileName().toString().equals(runId)), "trial run " + runId + " is tracked");
        }

        CliProcess.Result again = splice.run("sweep", "--config", config.toString());
        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.stdout().contains("8 already done, 0 to run"), again.stdout());
        assertEquals(0, count(again.stdout(), "== features for"), again.stdout());
        assertEquals(0, count(again.stdout(), "== trial"), again.stdout());
        assertEquals(8, runsTagged("mlflow.parentRunId", null).size(), "no trial ran again");

        Files.delete(Files.list(dir.resolve("out/sweeps/tiny-e2e/trials")).sorted().findFirst().orElseThrow());
        CliProcess.Result partial = splice.run("sweep", "--config", config.toString());
        assertEquals(0, partial.exitCode(), partial.all());
        assertTrue(partial.stdout().contains("7 already done, 1 to run"), partial.stdout());
        assertEquals(1, count(partial.stdout(), "== features for"), "only the missing trial's feature set: " + partial.stdout());
        assertEquals(9, runsTagged("mlflow.parentRunId", null).size(), "exactly one trial ran again");
    }

    @Test
    void aConfigWithoutSweepSectionAndAFailingTrialAreClearErrors() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), Files.readString(config).replace(SWEEP, "")
                .replace("out\n", "out-errors\n"));
        CliProcess.Result none = splice.run("sweep", "--config", plain.toString());
        assertEquals(1, none.exitCode(), none.all());
        assertTrue(none.stderr().contains("has no sweep: section"), none.stderr());

        Path missing = Files.writeString(dir.resolve("missing.yaml"), Files.readString(config)
                .replace(dir.resolve("images").toString(), dir.resolve("no-such-images").toString()).replace("out\n", "out-errors\n"));
        CliProcess.Result failed = splice.run("sweep", "--config", missing.toString());
        assertEquals(1, failed.exitCode(), failed.all());
        assertTrue(failed.stderr().contains("error: trial size 20, splice l1 0.1, probe l1 0.001 failed:")
                && failed.stderr().contains("rerun the same command to resume"), failed.stderr());
        assertEquals(1, count(failed.stdout(), "== features for"), "the sweep stops at the first failed trial: " + failed.stdout());
        assertFalse(Files.exists(dir.resolve("out-errors/sweeps")) && Files.walk(dir.resolve("out-errors/sweeps"))
                .anyMatch(p -> p.getFileName().toString().equals("trials.csv")), "no results table from a failed sweep");
    }

    private static Path onlySweepDir() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("out/sweeps"))) {
            List<Path> dirs = s.filter(p -> Files.exists(p.resolve("trials.csv"))).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    /** MLflow runs (file store) with tag {@code key}, equal to {@code value} unless it is null. */
    private static List<Path> runsTagged(String key, String value) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("mlruns"), 4)) {
            for (Path tag : files.filter(p -> p.getFileName().toString().equals(key) && p.getParent().getFileName().toString().equals("tags")).toList()) {
                if (value == null || Files.readString(tag).equals(value)) {
                    out.add(tag.getParent().getParent());
                }
            }
        }
        return out;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
