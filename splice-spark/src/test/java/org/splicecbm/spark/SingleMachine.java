package org.splicecbm.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.data.Split;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.features.ConceptSpace;
import org.splicecbm.features.EmbeddingJob;
import org.splicecbm.features.FeatureJob;
import org.splicecbm.features.FeatureStage;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's single-machine feature stage on the test images, and the bit-exact comparison with a Spark table. */
public final class SingleMachine {
    private SingleMachine() {}

    static FeatureSet features(TinyImages images, SpliceSettings s, Path work) throws IOException {
        return features(images, s, work, 1);
    }

    /** The single-machine feature stage with {@code decodeThreads} decoding workers (0 = all processors). */
    public static FeatureSet features(TinyImages images, SpliceSettings s, Path work, int decodeThreads) throws IOException {
        try (ClipBackbone clip = ClipModels.open(s.backbone(), new BackboneOptions(DeviceChoice.CPU, 0, s.batchSize()))) {
            ConceptDictionary dictionary = ConceptDictionaries.load(clip, VocabularySource.fromEnvironment().resolve(s.vocabulary()),
                    s.vocabularySize(), ConceptDictionaries.defaultCacheDir());
            ImageMean mean = new ImageMean(Npy.read(Path.of(s.imageMean())).toFloatVector(), "file");
            EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), clip, null, work.resolve("cache"),
                    s.batchSize(), decodeThreads, 0, null, null);
            try (SpliceStep step = new SpliceStep(dictionary.vectors(), mean.vector(), s.l1(), s.tolerance())) {
                FeatureStage.run(new FeatureJob(embedding, ConceptSpace.of(dictionary, mean), step, work.resolve("out")));
            }
            return FeatureSet.read(work.resolve("out").resolve("train"));
        }
    }

    /** Asserts that {@code rows} (ordered by row) hold exactly the feature set's rows: ids, labels, bit-equal weights. */
    static void assertSameRows(FeatureSet single, List<Row> rows) {
        assertSameRows(single, rows, i -> "im" + i);
    }

    /** As above, with row i's expected manifest id {@code idOf.apply(i)}. */
    static void assertSameRows(FeatureSet single, List<Row> rows, java.util.function.IntFunction<String> idOf) {
        assertEquals(single.features().rows(), rows.size(), "row count");
        CsrMatrix w = single.features();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(i, r.<Long>getAs(FeatureTable.ROW));
            assertEquals(idOf.apply(i), r.getAs(FeatureTable.ID));
            assertEquals(single.labels()[i], r.<Long>getAs(FeatureTable.LABEL));
            int from = Math.toIntExact(w.indptr()[i]);
            int to = Math.toIntExact(w.indptr()[i + 1]);
            List<Integer> indices = r.getList(r.fieldIndex(FeatureTable.INDICES));
            List<Float> weights = r.getList(r.fieldIndex(FeatureTable.WEIGHTS));
            assertEquals(to - from, indices.size(), "row " + i + " support size");
            assertEquals(to - from, r.<Integer>getAs(FeatureTable.L0));
            assertTrue(to > from, "the comparison is vacuous if a row has no concepts");
            for (int k = 0; k < indices.size(); k++) {
                assertEquals(w.indices()[from + k], indices.get(k), "row " + i);
                assertEquals(Float.floatToIntBits(w.data()[from + k]), Float.floatToIntBits(weights.get(k)), "row " + i + " weight " + k);
            }
        }
    }

    /** Asserts two CSR matrices are equal: shape, structure and float32 weights bit for bit. */
    static void assertSameCsr(CsrMatrix expected, CsrMatrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.indptr(), actual.indptr());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.indices(), actual.indices());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data(), actual.data(), "float32 weights bit for bit");
    }
}
