package org.splicecbm.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.data.Split;
import org.splicecbm.probe.EpochListener;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.LinearWeights;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;

/**
 * Training as a library call: {@link TrainingRun} on feature sets held in memory returns a {@link TrainingResult}
 * whose probe and evaluations are exactly those of training the same data directly, with the run folder written and
 * the run tracked.
 */
class TrainingRunTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "car");
    private static final int CONCEPTS = 12;

    @TempDir
    Path dir;

    @Test
    void inMemoryFeatureSetsTrainToTheSameProbeAsTheTrainerAndLeaveATrackedRun() throws Exception {
        RunConfig config = config();
        Map<Split, FeatureSet> sets = new EnumMap<>(Split.class);
        sets.put(Split.TRAIN, features(Split.TRAIN, 240, 1));
        sets.put(Split.VAL, features(Split.VAL, 60, 2));
        sets.put(Split.TEST, features(Split.TEST, 90, 3));
        FeatureSplits splits = FeatureSplits.of(sets, CLASSES);

        TrainingResult result = TrainingRun.run(config, splits, "in-memory", Map.of("origin", "test"));

        TrainedProbe direct = ProbeTrainer.train(splits.require(Split.TRAIN), splits.require(Split.VAL), config.probe(),
                EpochListener.NONE);
        assertSameWeights(direct.weights(), result.probe().weights());
        Evaluation test = Evaluation.of(direct, splits.require(Split.TEST));
        assertEquals(test.accuracy(), result.test().accuracy());
        assertEquals(test.macroF1(), result.test().macroF1());
        assertTrue(result.test().accuracy() > 1.0 / CLASSES.size() + 0.2,
                "planted concepts must be learnable, accuracy " + result.test().accuracy());

        assertEquals(config.output().resolve("runs").resolve("in-memory"), result.runDir());
        assertTrue(Files.isRegularFile(result.runDir().resolve("config.yaml")));
        assertTrue(Files.isRegularFile(result.reportDir().resolve("report.html")));
        assertArrayEquals(direct.predict(sets.get(Split.TEST).features()),
                TrainedProbe.load(result.modelDir()).predict(sets.get(Split.TEST).features()));
        assertFalse(result.runId().isBlank());
        try (Stream<Path> files = Files.walk(dir.resolve("mlruns"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals(result.runId())), "run " + result.runId() + " tracked");
        }
    }

    @Test
    void aMissingValidationSplitIsAnErrorSayingHowToDeriveOne() throws Exception {
        FeatureSplits splits = FeatureSplits.of(Map.of(Split.TRAIN, features(Split.TRAIN, 30, 1)), CLASSES);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TrainingRun.run(config(), splits, "no-val", Map.of()));
        assertTrue(e.getMessage().contains("val: {from: train, fraction: 0.1, seed: 0}"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/runs/no-val/model")));
    }

    private RunConfig config() throws Exception {
        String yaml = """
                schema: 1
                name: mem
                backbone: open_clip:ViT-B-32
                dataset: {kind: imagefolder, root: images}
                probe: {l1: 1.0e-4, epochs: 100, learning_rate: 0.1, early_stopping_patience: 0, seed: 7}
                tracking: {uri: mlruns}
                output: out
                """;
        return ConfigLoader.load(Files.writeString(dir.resolve("run.yaml"), yaml), RunConfig.class);
    }

    /** Class k lights concepts 3k and 3k+1; every row gets one random other concept. */
    private static FeatureSet features(Split split, int rows, long seed) {
        Random random = new Random(seed);
        long[] labels = new long[rows];
        List<Float> data = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        long[] indptr = new long[rows + 1];
        for (int i = 0; i < rows; i++) {
            int k = random.nextInt(CLASSES.size());
            labels[i] = k;
            float[] dense = new float[CONCEPTS];
            dense[3 * k] = 0.3f + 0.7f * random.nextFloat();
            dense[3 * k + 1] = random.nextFloat() < 0.5 ? 0.2f : 0f;
            dense[random.nextInt(CONCEPTS)] += 0.4f * random.nextFloat();
            for (int j = 0; j < CONCEPTS; j++) {
                if (dense[j] != 0) {
                    data.add(dense[j]);
                    indices.add(j);
                }
            }
            indptr[i + 1] = data.size();
        }
        float[] values = new float[data.size()];
        int[] columns = new int[data.size()];
        for (int t = 0; t < values.length; t++) {
            values[t] = data.get(t);
            columns[t] = indices.get(t);
        }
        List<String> concepts = new ArrayList<>();
        for (int j = 0; j < CONCEPTS; j++) {
            concepts.add("concept " + j);
        }
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "test:clip", "synthetic", CONCEPTS, 0.25,
                "nonnegative-lasso", 1e-6, "published", "planted", split.key(), rows, (double) values.length / rows, 1.0,
                "2026-01-01T00:00:00Z", "sha256:00", "none", List.of());
        return new FeatureSet(new CsrMatrix(rows, CONCEPTS, values, columns, indptr), labels, concepts, meta);
    }

    private static void assertSameWeights(LinearWeights expected, LinearWeights actual) {
        assertEquals(expected.concepts(), actual.concepts());
        for (int k = 0; k < expected.classes(); k++) {
            assertEquals(expected.bias(k), actual.bias(k));
            for (int j = 0; j < expected.concepts(); j++) {
                assertEquals(expected.weight(j, k), actual.weight(j, k), "weight " + j + "," + k);
            }
        }
    }
}
