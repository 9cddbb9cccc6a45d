package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;

/**
 * Two processes sharing one {@code output:} and its embedding cache, in child JVMs: two {@code features} runs at
 * once both succeed with the same feature sets; a run finding the cache locked by another process waits, says so,
 * fails clearly after {@code SPLICE_CACHE_LOCK_TIMEOUT}, and when stopped by SIGTERM says what it was doing.
 */
class ConcurrentFeaturesEndToEndTest {
    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static Path images;
    static Path vocabulary;

    @BeforeAll
    static void world() throws IOException {
        hub = TinyWorld.hub(dir);
        images = TinyWorld.images(dir.resolve("images"), 12);
        vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static CliProcess splice(Map<String, String> extra) {
        return TinyWorld.cli(dir, hub, extra);
    }

    static Path config(String output) throws IOException {
        String yaml = TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1).replace("output: out", "output: " + output);
        return Files.writeString(dir.resolve(output + ".yaml"), yaml);
    }

    @Test
    void twoFeaturesRunsAtOnceBothSucceedWithIdenticalFeatureSets() throws Exception {
        Path config = config("shared");
        CompletableFuture<CliProcess.Result> a = CompletableFuture.supplyAsync(() -> features(config, Map.of()));
        CompletableFuture<CliProcess.Result> b = CompletableFuture.supplyAsync(() -> features(config, Map.of()));
        for (CliProcess.Result r : List.of(a.join(), b.join())) {
            assertEquals(0, r.exitCode(), r.all());
        }
        Path embeddings = dir.resolve("shared/embeddings");
        try (Stream<Path> s = Files.list(embeddings)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".partial")), "no build is left half-done: " + names);
            assertEquals(3, names.stream().filter(n -> n.endsWith(".lock")).count(), names.toString());
        }
        // and a third, serial run over the same output finds exactly the features the concurrent runs wrote
        byte[] concurrent = Files.readAllBytes(testFeatures(dir.resolve("shared")));
        assertEquals(0, features(config("serial"), Map.of()).exitCode());
        assertArrayEquals(Files.readAllBytes(testFeatures(dir.resolve("serial"))), concurrent);
    }

    @Test
    void aRunWaitsForTheProcessBuildingTheCacheFailsClearlyAfterTheTimeoutAndSaysWhatASigtermInterrupted() throws Exception {
        Path config = config("locked");
        assertEquals(0, features(config, Map.of()).exitCode());
        Path embeddings = dir.resolve("locked/embeddings");
        Path trainCache = cacheOf(embeddings, "train");
        Path lockFile = trainCache.resolveSibling(trainCache.getFileName() + ".lock");
        org.splicecbm.store.AtomicDirectory.deleteRecursively(trainCache); // the train split must be rebuilt
        Process holder = FileLockHolder.hold(lockFile);
        try {
            CliProcess.Result timedOut = features(config, Map.of("SPLICE_CACHE_LOCK_TIMEOUT", "1"));
            assertEquals(1, timedOut.exitCode(), timedOut.all());
            assertTrue(timedOut.stderr().contains("waiting: embedding cache " + trainCache), timedOut.stderr());
            assertTrue(timedOut.stderr().contains("is still being built by another process (pid " + holder.pid())
                    && timedOut.stderr().contains("SPLICE_CACHE_LOCK_TIMEOUT"), timedOut.stderr());
            assertFalse(Files.exists(trainCache.resolveSibling(trainCache.getFileName() + ".partial")),
                    "nothing is written into the other process's build");

            Path out = dir.resolve("waiting.out");
            Path err = dir.resolve("waiting.err");
            Process waiting = splice(Map.of()).start(out, err, "features", "--config", config.toString());
            try {
                awaitText(err, "waiting: embedding cache", waiting);
                waiting.destroy(); // SIGTERM
                assertTrue(waiting.waitFor(1, TimeUnit.MINUTES));
                assertEquals(143, waiting.exitValue());
                String stderr = Files.readString(err);
                assertTrue(stderr.contains("interrupted: features of split train while waiting for another process to build"
                        + " the embedding cache " + trainCache), stderr);
            } finally {
                waiting.destroyForcibly();
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        CliProcess.Result after = features(config, Map.of());
        assertEquals(0, after.exitCode(), after.all());
        assertTrue(Files.exists(trainCache.resolve("meta.json")), "the lock died with its holder; the cache was rebuilt");
    }

    @Test
    void sigtermWhileEmbeddingSaysHowFarItGotKeepsTheCommittedChunksAndWritesNoFeatureSet() throws Exception {
        Path many = TinyWorld.images(dir.resolve("many-images"), 150);
        String yaml = TinyWorld.config("hf:" + TinyWorld.REPO, many, vocabulary, 0.1)
                .replace("output: out", "output: interrupted").replace("batch_size: 8\n", "batch_size: 1\n");
        Path config = Files.writeString(dir.resolve("interrupted.yaml"), yaml);
        Path out = dir.resolve("interrupted.out");
        Path err = dir.resolve("interrupted.err");
        Process features = splice(Map.of()).start(out, err, "features", "--config", config.toString());
        Path embeddings = dir.resolve("interrupted/embeddings");
        try {
            awaitCommittedChunk(embeddings, features);
            features.destroy(); // SIGTERM
            assertTrue(features.waitFor(1, TimeUnit.MINUTES));
            assertEquals(143, features.exitValue(), Files.readString(err));
        } finally {
            features.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertTrue(stderr.matches("(?s).*interrupted: features of split \\w+ after [\\d,]+ of [\\d,]+ images; kept: .*the embedding"
                + " cache's committed chunks \\([\\d,]+ images\\) in .*\\.partial, resumable: rerun the same command.*"), stderr);
        assertFalse(Files.exists(dir.resolve("interrupted/features")), "no feature set, partial or not");
        CliProcess.Result resumed = features(config, Map.of());
        assertEquals(0, resumed.exitCode(), resumed.all());
        assertFalse(resumed.stderr().contains("interrupted:"), resumed.stderr());
        assertTrue(Files.exists(testFeatures(dir.resolve("interrupted")).resolveSibling("meta.json")));
    }

    static void awaitCommittedChunk(Path embeddings, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "features ended before it was signalled");
            if (Files.isDirectory(embeddings)) {
                try (Stream<Path> s = Files.walk(embeddings)) {
                    if (s.anyMatch(p -> p.toString().contains(".partial") && p.toString().endsWith(".json")
                            && p.getParent().endsWith("chunks"))) {
                        return;
                    }
                } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                    // a temporary file vanished while listing: look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no chunk was committed within 2 minutes");
    }

    static Path testFeatures(Path output) throws IOException {
        try (Stream<Path> s = Files.walk(output.resolve("features"))) {
            return s.filter(p -> p.endsWith("test/features.npz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no test feature set under " + output));
        }
    }

    static Path cacheOf(Path embeddings, String split) throws IOException {
        try (Stream<Path> s = Files.list(embeddings)) {
            return s.filter(Files::isDirectory).filter(d -> {
                try {
                    return Files.readString(d.resolve("meta.json")).contains("\"split\" : \"" + split + "\"")
                            || Files.readString(d.resolve("meta.json")).contains("\"split\":\"" + split + "\"");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no " + split + " cache under " + embeddings));
        }
    }

    static void awaitText(Path file, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            assertTrue(process.isAlive(), "the process ended before printing '" + text + "': " + Files.readString(file));
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' not printed within 2 minutes");
    }

    static CliProcess.Result features(Path config, Map<String, String> env) {
        try {
            return splice(env).run("features", "--config", config.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
