package org.splicecbm.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.data.DatasetConfig.OnBadImage;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

/** Pipeline mechanics of the feature stage with test doubles for the backbone and the solver. */
class FeatureStageTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    static final ConceptSpace CONCEPTS = new ConceptSpace(
            IntStream.range(0, FakeBackbone.DIM).mapToObj(i -> "concept " + i).toList(), "test-vocab", "d1c7", "published:abc");
    static final int IMAGES = 7;

    @TempDir static Path shared;
    static PngDataset images;

    @TempDir Path dir;

    @BeforeAll
    static void writeImages() throws IOException {
        System.setProperty("splice.noProgress", "true");
        images = new PngDataset(shared.resolve("images"), IMAGES, 20, 14, 42);
    }

    static FeatureJob job(ImageDataset data, ClipBackbone backbone, double l1, Path cache, Path out, OnBadImage policy) {
        EmbeddingJob embedding = new EmbeddingJob(data, List.of(Split.TRAIN), backbone, null, cache, 2, 2, 1, policy, CLOCK);
        return new FeatureJob(embedding, CONCEPTS, new ThresholdDecomposer(l1), out);
    }

    @Test
    void sameInputsTwiceGiveBitIdenticalFiles() throws IOException {
        FeatureStageResult a = FeatureStage.run(job(images, new FakeBackbone(), 0.1, dir.resolve("c1"), dir.resolve("o1"), null));
        FeatureStageResult b = FeatureStage.run(job(images, new FakeBackbone(), 0.1, dir.resolve("c2"), dir.resolve("o2"), null));
        assertEquals(IMAGES, a.counters().imagesDecoded());
        for (String f : List.of("features.npz", "labels.npy", "concepts.txt", "meta.json")) {
            assertArrayEquals(Files.readAllBytes(a.featureSets().get(Split.TRAIN).resolve(f)),
                    Files.readAllBytes(b.featureSets().get(Split.TRAIN).resolve(f)), f);
        }
        for (String f : List.of("embeddings.npy", "labels.npy", "items.txt", "meta.json")) {
            assertArrayEquals(Files.readAllBytes(a.embeddingCaches().get(Split.TRAIN).resolve(f)),
                    Files.readAllBytes(b.embeddingCaches().get(Split.TRAIN).resolve(f)), f);
        }
        FeatureSet fs = FeatureSet.read(a.featureSets().get(Split.TRAIN));
        assertEquals(IMAGES, fs.features().rows());
        assertArrayEquals(new long[] {0, 1, 0, 1, 0, 1, 0}, fs.labels(), "rows keep dataset order");
        assertEquals("fake-backbone", fs.meta().backbone());
        assertEquals(List.of("a/img000.png", "b/img001.png"),
                Files.readAllLines(a.embeddingCaches().get(Split.TRAIN).resolve("items.txt")).subList(0, 2));
    }

    @Test
    void changingOnlyL1ReusesTheEmbeddingCacheWithoutDecoding() throws IOException {
        Path cache = dir.resolve("cache");
        FakeBackbone backbone = new FakeBackbone();
        FeatureStageResult first = FeatureStage.run(job(images, backbone, 0.0, cache, dir.resolve("l1-0"), null));
        int opensBefore = images.opens.get();
        int batchesBefore = backbone.batches.get();
        FeatureStageResult second = FeatureStage.run(job(images, backbone, 0.5, cache, dir.resolve("l1-0.5"), null));
        assertEquals(0, second.counters().imagesDecoded());
        assertEquals(1, second.counters().cacheHits());
        assertEquals(opensBefore, images.opens.get(), "no image opened");
        assertEquals(batchesBefore, backbone.batches.get(), "no forward pass");
        double l0Low = FeatureSet.read(first.featureSets().get(Split.TRAIN)).meta().meanL0();
        FeatureSet high = FeatureSet.read(second.featureSets().get(Split.TRAIN));
        assertEquals(0.5, high.meta().l1Penalty());
        assertTrue(high.meta().meanL0() < l0Low, "a larger l1 gives sparser features: " + high.meta().meanL0() + " vs " + l0Low);
    }

    @Test
    void aCompleteCacheServesWithTheImagesMovedAwayButNotWithAnImageChanged() throws IOException {
        Path root = dir.resolve("images");
        PngDataset data = new PngDataset(root, IMAGES, 20, 14, 42);
        Path cache = dir.resolve("cache");
        FeatureStage.run(job(data, new FakeBackbone(), 0.0, cache, dir.resolve("l1-0"), null));

        Files.move(root, dir.resolve("archived")); // the images are archived after embedding
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        FeatureStageResult later;
        System.setErr(new java.io.PrintStream(err, true));
        try {
            later = FeatureStage.run(job(data, new FakeBackbone(), 0.5, cache, dir.resolve("l1-0.5"), null));
        } finally {
            System.setErr(original);
        }
        assertEquals(1, later.counters().cacheHits());
        assertEquals(0, later.counters().imagesDecoded());
        assertEquals(IMAGES, FeatureSet.read(later.featureSets().get(Split.TRAIN)).features().rows());
        String warnings = err.toString();
        assertTrue(warnings.contains("warning: images not on disk: " + IMAGES + " of " + IMAGES + " images"), warnings);
        assertEquals(1, warnings.split("warning:", -1).length - 1, "reported once: " + warnings);

        Files.move(dir.resolve("archived"), root);
        Path changed = root.resolve("a/img002.png");
        Files.write(changed, Files.readAllBytes(root.resolve("b/img001.png")));
        FeatureStageResult rebuilt = FeatureStage.run(job(data, new FakeBackbone(), 0.5, cache, dir.resolve("l1-0.5b"), null));
        assertEquals(0, rebuilt.counters().cacheHits(), "a changed image invalidates the cache");
        assertEquals(IMAGES, rebuilt.counters().imagesDecoded());
        assertTrue(Files.readString(rebuilt.embeddingCaches().get(Split.TRAIN).resolve("sources.tsv")).contains("a/img002.png\t"
                + Files.size(changed) + ":"), "the rebuilt cache records the new file");

        Files.move(root, dir.resolve("archived"));
        IOException missing = assertThrows(IOException.class,
                () -> FeatureStage.run(job(data, new FakeBackbone(), 0.5, dir.resolve("empty-cache"), dir.resolve("x"), null)));
        assertTrue(missing.getMessage().contains(IMAGES + " of " + IMAGES + " images") && missing.getMessage().contains("not found"),
                "without a cache, missing images are an error before any work: " + missing.getMessage());
    }

    @Test
    void resumesAfterAnInterruptionAndEndsIdentical() throws IOException {
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("out");
        RuntimeException crash = assertThrows(RuntimeException.class,
                () -> FeatureStage.run(job(images, new FakeBackbone(2), 0.1, cache, out, null)));
        assertTrue(crash.getMessage().contains("simulated crash"));
        assertFalse(Files.exists(out), "no feature set after a crash");
        FeatureStageResult resumed = FeatureStage.run(job(images, new FakeBackbone(), 0.1, cache, out, null));
        assertEquals(IMAGES - 4, resumed.counters().imagesEmbedded(), "the 2 committed batches of 2 are not redone");
        FeatureStageResult clean = FeatureStage.run(job(images, new FakeBackbone(), 0.1, dir.resolve("c2"), dir.resolve("o2"), null));
        for (String f : List.of("features.npz", "labels.npy", "meta.json")) {
            assertArrayEquals(Files.readAllBytes(clean.featureSets().get(Split.TRAIN).resolve(f)),
                    Files.readAllBytes(resumed.featureSets().get(Split.TRAIN).resolve(f)), f);
        }
        assertArrayEquals(Npy.readFloatMatrix(clean.embeddingCaches().get(Split.TRAIN).resolve("embeddings.npy")),
                Npy.readFloatMatrix(resumed.embeddingCaches().get(Split.TRAIN).resolve("embeddings.npy")));
    }

    @Test
    void aFailingDecomposerLeavesNoFeatureSetAndNoTemporaryDirectory() throws IOException {
        Path out = dir.resolve("out");
        EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), new FakeBackbone(), null, dir.resolve("cache"),
                2, 2, 1, null, CLOCK);
        BatchDecomposer failing = new ThresholdDecomposer(0.1) {
            @Override
            public org.splicecbm.decompose.Decomposition decompose(float[][] raw) {
                throw new IllegalStateException("solver diverged");
            }
        };
        assertThrows(IllegalStateException.class, () -> FeatureStage.run(new FeatureJob(embedding, CONCEPTS, failing, out)));
        assertFalse(Files.exists(out));
        FeatureStageResult ok = FeatureStage.run(new FeatureJob(embedding, CONCEPTS, new ThresholdDecomposer(0.1), out));
        assertEquals(0, ok.counters().imagesDecoded(), "embeddings were cached before the solver failed");
        try (var files = Files.list(out)) {
            assertEquals(List.of(out.resolve("train")), files.toList(), "only the finished feature set, no temporary siblings");
        }
    }

    @Test
    void aCorruptImageFailsNamingTheFileAndWritesNothingFinal() throws IOException {
        PngDataset broken = new PngDataset(dir.resolve("imgs"), 5, 12, 12, 1, 3);
        Path out = dir.resolve("out");
        BadImageException e = assertThrows(BadImageException.class,
                () -> FeatureStage.run(job(broken, new FakeBackbone(), 0.1, dir.resolve("cache"), out, OnBadImage.FAIL)));
        assertTrue(e.getMessage().contains("img003.png") && e.getMessage().contains("on_bad_image"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCorruptImageIsSkippedAndListedWhenAsked() throws IOException {
        PngDataset broken = new PngDataset(dir.resolve("imgs"), 5, 12, 12, 1, 3);
        FeatureStageResult r = FeatureStage.run(job(broken, new FakeBackbone(), 0.1, dir.resolve("cache"), dir.resolve("out"),
                OnBadImage.SKIP));
        FeatureSet fs = FeatureSet.read(r.featureSets().get(Split.TRAIN));
        assertEquals(4, fs.features().rows());
        assertArrayEquals(new long[] {0, 1, 0, 0}, fs.labels(), "labels stay aligned after the skipped row");
        assertEquals(1, fs.meta().skippedImages().size());
        assertEquals("b/img003.png", fs.meta().skippedImages().get(0).id());
        assertEquals(1, r.counters().imagesSkipped());
    }
}
