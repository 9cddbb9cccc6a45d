package org.splicecbm.features;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularyRules;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

/**
 * The whole feature stage with real parts: the tiny-clip-quickgelu fixture (HfClipBackbone on DJL),
 * a concept dictionary built from a small vocabulary with it, a dataset image mean computed from the
 * cached train embeddings, and the exact SpLiCE solver, over PNGs made here. Every cached row is that
 * image's own embedding (decoded, preprocessed and embedded alone) in dataset order, and every feature
 * row is SpLiCE's decomposition of it, although the stage decodes in parallel and embeds in batches.
 */
class RealBackboneFeatureStageTest {
    static final String VOCAB = "dog\ncat\nbird\ntree\ncar\nhouse\nred\nblue\nwater\ngrass\nsky\nperson\n";
    static HfClipBackbone clip;

    @TempDir static Path dir;

    @BeforeAll
    static void load() throws URISyntaxException {
        System.setProperty("splice.noProgress", "true");
        Path model = Path.of(RealBackboneFeatureStageTest.class.getResource("/fixtures/clip/tiny-clip-quickgelu").toURI());
        clip = HfClipBackbone.load(model, new BackboneOptions(DeviceChoice.CPU, 1, 3));
    }

    @AfterAll
    static void close() {
        clip.close();
    }

    @Test
    void featuresAreEachImagesOwnSpliceDecompositionInDatasetOrder() throws IOException {
        PngDataset images = new PngDataset(dir.resolve("images"), 7, 45, 31, 7);
        EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), clip, null, dir.resolve("cache"),
                3, 2, 1, null, FeatureStageTest.CLOCK);
        CachedEmbeddings cached = FeatureStage.embed(embedding).caches().get(Split.TRAIN);
        ImageMean mean = ImageMeans.fromEmbeddings(images.name(), clip.embeddingDim(), cached.rowBatches(4));
        Vocabulary vocab = Vocabulary.parse(VOCAB.getBytes(StandardCharsets.UTF_8), "tiny", "tiny.txt", "test",
                VocabularyRules.STRICT);
        ConceptDictionary dictionary = ConceptDictionaries.build(clip, vocab, 10);
        SolverOptions options = SolverOptions.defaults().withThreads(1);
        FeatureStageResult result;
        try (SpliceStep decomposer = new SpliceStep(dictionary.vectors(), mean.vector(), 0.05, options.relativeGapTolerance())) {
            result = FeatureStage.run(new FeatureJob(embedding, ConceptSpace.of(dictionary, mean), decomposer, dir.resolve("out")));
        }
        assertEquals(0, result.counters().imagesDecoded(), "second use of the cache decodes nothing");
        FeatureSet fs = FeatureSet.read(result.featureSets().get(Split.TRAIN));
        float[][] rows = Npy.readFloatMatrix(cached.embeddingsFile());
        ImagePreprocessor preprocessor = new ImagePreprocessor(clip.preprocessing());
        List<Sample> samples = images.samples(Split.TRAIN);
        assertEquals(samples.size(), rows.length);
        try (SpliceDecomposer reference = new SpliceDecomposer(dictionary.vectors(), mean.vector(), 0.05, options)) {
            for (int i = 0; i < samples.size(); i++) {
                float[] alone = clip.embedImages(new float[][] {preprocessor.apply(samples.get(i).source().open())})[0];
                assertEquals(samples.get(i).id(), cached.items().get(i));
                for (int j = 0; j < alone.length; j++) {
                    assertEquals(alone[j], rows[i][j], 1e-5 * (1 + Math.abs(alone[j])), "embedding row " + i + " col " + j);
                }
                Decomposition d = reference.decompose(new float[][] {rows[i]});
                assertArrayEquals(d.weights().denseRow(0), fs.features().denseRow(i), 1e-6f, "feature row " + i);
            }
        }
        assertEquals(dictionary.concepts(), fs.concepts());
        assertEquals(clip.name(), fs.meta().backbone());
        assertEquals("tiny", fs.meta().vocabulary());
        assertEquals(10, fs.meta().vocabularySize());
        assertEquals(dictionary.provenance().matrixSha256(), fs.meta().dictionarySha256());
        assertEquals(mean.source(), fs.meta().imageMeanSource());
        assertEquals(SpliceStep.SOLVER, fs.meta().solver());
        assertTrue(fs.meta().meanL0() > 0 && fs.meta().meanCosine() > 0 && fs.meta().meanCosine() <= 1.0001, fs.meta().toString());
    }

    /** Feature sets for several l1 values from one pass equal the single-l1 feature stage at each value. */
    @Test
    void onePassOverSeveralL1ValuesEqualsTheStageAtEachValue() throws IOException {
        Path root = dir.resolve("path");
        PngDataset images = new PngDataset(root.resolve("images"), 6, 45, 31, 8);
        EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), clip, null, root.resolve("cache"),
                3, 2, 1, null, FeatureStageTest.CLOCK);
        FeatureStage.Embedded embedded = FeatureStage.embed(embedding);
        ImageMean mean = ImageMeans.fromEmbeddings(images.name(), clip.embeddingDim(),
                embedded.caches().get(Split.TRAIN).rowBatches(4));
        Vocabulary vocab = Vocabulary.parse(VOCAB.getBytes(StandardCharsets.UTF_8), "tiny", "tiny.txt", "test",
                VocabularyRules.STRICT);
        ConceptDictionary dictionary = ConceptDictionaries.build(clip, vocab, 12);
        ConceptSpace space = ConceptSpace.of(dictionary, mean);
        java.util.Map<Double, Path> outputs = new java.util.LinkedHashMap<>();
        outputs.put(0.2, root.resolve("l1-0.2"));
        outputs.put(0.02, root.resolve("l1-0.02"));
        java.util.Map<Double, FeatureStageResult> path;
        try (SpliceStep step = new SpliceStep(dictionary.vectors(), mean.vector(), 0.2, 1e-7)) {
            path = FeatureStage.decomposePath(new FeatureJob(embedding, space, step, root.resolve("unused")), embedded,
                    outputs);
        }
        assertEquals(List.of(0.2, 0.02), List.copyOf(path.keySet()));
        for (double l1 : outputs.keySet()) {
            FeatureStageResult single;
            try (SpliceStep step = new SpliceStep(dictionary.vectors(), mean.vector(), l1, 1e-7)) {
                single = FeatureStage.decompose(new FeatureJob(embedding, space, step, root.resolve("single-" + l1)),
                        embedded);
            }
            FeatureSet expected = FeatureSet.read(single.featureSets().get(Split.TRAIN));
            FeatureSet actual = FeatureSet.read(path.get(l1).featureSets().get(Split.TRAIN));
            assertEquals(outputs.get(l1).resolve(Split.TRAIN.key()), path.get(l1).featureSets().get(Split.TRAIN));
            assertEquals(l1, actual.meta().l1Penalty());
            assertEquals(expected.meta().meanL0(), actual.meta().meanL0(), 1e-12);
            for (int i = 0; i < expected.features().rows(); i++) {
                assertArrayEquals(expected.features().denseRow(i), actual.features().denseRow(i), 1e-6f, "row " + i);
            }
        }
    }
}
