package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.tracking.FakeMlflowServer;

/**
 * What a user sees when things go wrong around a training run, in child JVMs: a tracking server that
 * fails (the run is kept in the local mirror, the command says so and exits non-zero unless
 * {@code tracking.best_effort}), {@code splice tracking sync} with a token afterwards (once, not twice),
 * two {@code train} commands at once that must not share a run folder, and SIGTERM during training.
 */
class RunSafetyEndToEndTest {
    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static CliProcess splice;
    static Path images;
    static Path vocabulary;

    @BeforeAll
    static void world() throws IOException, InterruptedException {
        hub = TinyWorld.hub(dir);
        splice = TinyWorld.cli(dir, hub);
        images = TinyWorld.images(dir.resolve("images"), 12);
        vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        CliProcess.Result features = splice.run("features", "--config", config("local.yaml", "uri: mlruns").toString());
        assertEquals(0, features.exitCode(), features.all());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** The tiny world's config with another tracking section; every config shares out/ (and its features). */
    static Path config(String name, String tracking) throws IOException {
        String yaml = TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1).replace("uri: mlruns", tracking);
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void serverOutageKeepsTheRunLocallyFailsUnlessBestEffortAndSyncUploadsItOnce() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer()) {
            server.failWithStatus = 503;
            CliProcess.Result strict = splice.run("train", "--config", config("server.yaml", "uri: " + server.uri()).toString());
            assertEquals(1, strict.exitCode(), strict.all());
            assertTrue(strict.stdout().contains("test accuracy"), "the run itself completed: " + strict.stdout());
            Path mirror = dir.resolve("out/mlruns");
            assertTrue(strict.stdout().contains("tracked: " + mirror.toUri() + " only"), strict.stdout());
            assertTrue(strict.stderr().contains("error: the run is complete but only in the local mirror")
                    && strict.stderr().contains("splice tracking sync --from " + mirror + " --to " + server.uri())
                    && strict.stderr().contains("tracking.best_effort: true"), strict.stderr());

            CliProcess.Result lenient = splice.run("train", "--config",
                    config("lenient.yaml", "uri: " + server.uri() + "\n  best_effort: true").toString());
            assertEquals(0, lenient.exitCode(), lenient.all());
            assertTrue(lenient.stdout().contains("tracked: " + mirror.toUri() + " only"), lenient.stdout());
            assertTrue(server.activeRuns().isEmpty());

            server.failWithStatus = 0;
            server.requireAuthorization = "Bearer t0ken";
            CliProcess noToken = new CliProcess(dir, Map.of());
            CliProcess.Result refused = noToken.run("tracking", "sync", "--from", mirror.toString(), "--to", server.uri());
            assertEquals(1, refused.exitCode(), refused.all());
            assertTrue(refused.stderr().contains("401"), refused.stderr());

            CliProcess withToken = new CliProcess(dir, Map.of("MLFLOW_TRACKING_TOKEN", "t0ken"));
            CliProcess.Result synced = withToken.run("tracking", "sync", "--from", mirror.toString(), "--to", server.uri());
            assertEquals(0, synced.exitCode(), synced.all());
            assertTrue(synced.stdout().contains("2 uploaded, 0 already there"), synced.stdout());
            assertEquals(2, server.activeRuns().size());
            assertTrue(server.activeRuns().stream().allMatch(r -> r.status.equals("FINISHED")
                    && r.params.containsKey("splice.l1_penalty")));
            assertEquals(List.of(), server.violations);

            CliProcess.Result again = withToken.run("tracking", "sync", "--from", mirror.toString(), "--to", server.uri());
            assertEquals(0, again.exitCode(), again.all());
            assertTrue(again.stdout().contains("0 uploaded, 2 already there"), again.stdout());
            assertEquals(2, server.activeRuns().size(), "nothing uploaded twice");
        }
    }

    @Test
    void twoTrainsAtOnceWriteTwoSeparateRunFolders() throws Exception {
        Path config = config("concurrent.yaml", "uri: concurrent-mlruns");
        Path runs = dir.resolve("out/runs");
        // the folder names these runs would get are taken (as by a run started in the same second), so both must pick another
        LocalDateTime now = LocalDateTime.now();
        for (int s = 0; s < 240; s++) {
            Path taken = Files.createDirectories(runs.resolve("tiny-e2e-" + now.plusSeconds(s).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
            Files.writeString(taken.resolve("someone-elses.txt"), "x");
        }
        CompletableFuture<CliProcess.Result> a = CompletableFuture.supplyAsync(() -> train(config));
        CompletableFuture<CliProcess.Result> b = CompletableFuture.supplyAsync(() -> train(config));
        List<Path> models = Stream.of(a.join(), b.join()).map(r -> {
            assertEquals(0, r.exitCode(), r.all());
            return Path.of(r.stdout().lines().filter(l -> l.startsWith("model: ")).findFirst().orElseThrow().substring(7));
        }).toList();
        assertNotEquals(models.get(0), models.get(1), "each run has its own folder");
        for (Path model : models) {
            Path runDir = model.getParent();
            assertTrue(runDir.getFileName().toString().matches("tiny-e2e-\\d{8}-\\d{6}-\\d+"), runDir.toString());
            assertTrue(Files.exists(runDir.resolve("report/report.html")) && Files.exists(runDir.resolve("config.yaml")));
            try (Stream<Path> files = Files.list(runDir)) {
                assertEquals(List.of("config.yaml", "model", "report"), files.map(f -> f.getFileName().toString()).sorted().toList());
            }
        }
        try (Stream<Path> all = Files.walk(runs)) {
            assertEquals(240, all.filter(f -> f.getFileName().toString().equals("someone-elses.txt")).count());
        }
    }

    @Test
    void sigtermDuringTrainMarksTheRunKilledExitsNonZeroAndLeavesNoPartialRunFolder() throws Exception {
        // the minibatch solver with patience 0 and a huge epoch budget: training runs until it is stopped
        // (the exact solver logs its one epoch after it has converged, when the run is already writing its model)
        String yaml = Files.readString(config("long.yaml", "uri: killed-mlruns"))
                .replace("epochs: 30", "epochs: 100000000\n  early_stopping_patience: 0\n  solver: minibatch");
        Path config = Files.writeString(dir.resolve("long.yaml"), yaml);
        Path mlruns = dir.resolve("killed-mlruns");
        Path out = dir.resolve("killed.out");
        Path err = dir.resolve("killed.err");
        Set<Path> runsBefore = listing(dir.resolve("out/runs"));
        Process train = splice.start(out, err, "train", "--config", config.toString());
        try {
            Path metrics = waitForEpochMetrics(mlruns, train);
            Set<Path> started = listing(dir.resolve("out/runs"));
            started.removeAll(runsBefore);
            assertEquals(1, started.size(), "the run claimed its folder: " + started);
            train.destroy(); // SIGTERM, as `kill` or a scheduler sends it
            assertTrue(train.waitFor(2, TimeUnit.MINUTES), "the JVM stops after SIGTERM");
            assertEquals(143, train.exitValue(), "128 + SIGTERM: " + Files.readString(err));
            Path runDir = metrics.getParent().getParent();
            Map<String, Object> meta = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readValue(runDir.resolve("meta.yaml").toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
            assertEquals(5, meta.get("status"), "KILLED, not RUNNING forever: " + meta);
            assertNotNull(meta.get("end_time"));
            assertFalse(Files.exists(started.iterator().next()), "no partial run folder is left");
            String stderr = Files.readString(err);
            assertTrue(stderr.contains("interrupted: train run") && stderr.contains("KILLED"), stderr);
        } finally {
            train.destroyForcibly();
        }
    }

    private static Path waitForEpochMetrics(Path mlruns, Process train) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertTrue(train.isAlive(), "train stopped before it was signalled");
            if (Files.isDirectory(mlruns)) {
                try (Stream<Path> files = Files.walk(mlruns)) {
                    var found = files.filter(f -> f.endsWith("metrics/val_accuracy")).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("training did not start within 3 minutes");
    }

    private static Set<Path> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static CliProcess.Result train(Path config) {
        try {
            return splice.run("train", "--config", config.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
