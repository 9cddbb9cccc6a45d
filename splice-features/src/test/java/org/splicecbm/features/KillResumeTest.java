package org.splicecbm.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.data.Split;

/**
 * Resume after a real {@code kill -9}: a child JVM runs the feature stage, is killed once it has
 * committed some chunks, and a rerun here finishes it; the result is byte-identical to an
 * uninterrupted run.
 */
@Tag("heavy")
class KillResumeTest {
    static final int IMAGES = 12;

    @TempDir Path dir;

    @Test
    void killedRunResumesToTheSameFiles() throws Exception {
        System.setProperty("splice.noProgress", "true");
        Path images = dir.resolve("images");
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(),
                images.toString(), cache.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committedChunks(cache) < 2) {
                assertTrue(child.isAlive(), () -> "child ended early: " + log());
                assertTrue(System.nanoTime() < deadline, "child committed no chunks in 60 s");
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        long committed = committedChunks(cache);
        assertTrue(committed < (IMAGES + 1) / 2, "killed before the end (" + committed + " chunks)");
        assertFalse(Files.exists(out), "no feature set from the killed run");

        PngDataset dataset = new PngDataset(images, IMAGES, 20, 14, 42);
        FeatureStageResult resumed = FeatureStage.run(job(dataset, cache, out));
        assertTrue(resumed.counters().imagesDecoded() <= IMAGES - 2 * committed,
                "committed chunks are not redone: decoded " + resumed.counters().imagesDecoded());
        FeatureStageResult clean = FeatureStage.run(job(dataset, dir.resolve("cache2"), dir.resolve("out2")));
        for (String f : List.of("features.npz", "labels.npy", "concepts.txt", "meta.json")) {
            assertArrayEquals(Files.readAllBytes(clean.featureSets().get(Split.TRAIN).resolve(f)),
                    Files.readAllBytes(resumed.featureSets().get(Split.TRAIN).resolve(f)), f);
        }
        for (String f : List.of("embeddings.npy", "labels.npy", "items.txt", "meta.json")) {
            assertArrayEquals(Files.readAllBytes(clean.embeddingCaches().get(Split.TRAIN).resolve(f)),
                    Files.readAllBytes(resumed.embeddingCaches().get(Split.TRAIN).resolve(f)), f);
        }
    }

    private static FeatureJob job(PngDataset data, Path cache, Path out) {
        EmbeddingJob embedding = new EmbeddingJob(data, List.of(Split.TRAIN), new FakeBackbone(), null, cache, 2, 1, 1,
                null, FeatureStageTest.CLOCK);
        return new FeatureJob(embedding, FeatureStageTest.CONCEPTS, new ThresholdDecomposer(0.1), out);
    }

    private static long committedChunks(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.toString().endsWith(".json") && p.getParent().getFileName().toString().equals("chunks"))
                    .count();
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
