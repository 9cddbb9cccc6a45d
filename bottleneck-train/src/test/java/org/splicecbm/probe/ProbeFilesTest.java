package org.splicecbm.probe;

import org.splicecbm.testing.PythonReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeFilesTest {
    static TrainedProbe probe;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        ProbeConfig config = ProbeTrainerTest.cfg().epochs(5).suppress(List.of("concept 9"), ProbeConfig.SuppressAt.TEST).build();
        probe = ProbeTrainer.train(ProbeTrainerTest.TRAIN, ProbeTrainerTest.VAL, config, null);
    }

    @Test
    void savedProbeLoadsIdentically() {
        Path saved = dir.resolve("model");
        probe.save(saved);
        TrainedProbe loaded = TrainedProbe.load(saved, ProbeTrainerTest.TEST.space());
        assertArrayEquals(probe.weights().weights, loaded.weights().weights);
        assertArrayEquals(probe.weights().bias, loaded.weights().bias);
        assertEquals(probe.config(), loaded.config());
        assertEquals(probe.space(), loaded.space());
        assertArrayEquals(probe.suppressedColumns(), loaded.suppressedColumns());
        assertEquals(probe.summary(), loaded.summary());
        assertArrayEquals(probe.predict(ProbeTrainerTest.TEST.features()), loaded.predict(ProbeTrainerTest.TEST.features()));
    }

    @Test
    void probeTrainedWithoutValidationRoundTripsItsNanMetrics() {
        TrainedProbe noVal = ProbeTrainer.train(ProbeTrainerTest.TRAIN, null, ProbeTrainerTest.cfg().epochs(2).bias(false).build(), null);
        Path saved = dir.resolve("no-val");
        noVal.save(saved);
        TrainedProbe loaded = TrainedProbe.load(saved);
        assertTrue(Double.isNaN(loaded.summary().history().get(1).valLoss()));
        assertEquals(noVal.summary(), loaded.summary());
        assertEquals(false, loaded.config().bias());
    }

    @Test
    void savingOverAnOldProbeReplacesItCompletely() throws Exception {
        Path saved = dir.resolve("model");
        Files.createDirectories(saved);
        Files.writeString(saved.resolve("stale.txt"), "old");
        probe.save(saved);
        assertTrue(Files.notExists(saved.resolve("stale.txt")));
        assertTrue(Files.exists(saved.resolve("weights.npy")));
        try (var siblings = Files.list(dir)) {
            assertEquals(List.of(saved), siblings.toList(), "no temporary directories left behind");
        }
    }

    @Test
    void refusesFeaturesFromAnotherBackboneVocabularyOrSize() {
        Path saved = dir.resolve("model");
        probe.save(saved);
        FeatureSpace own = probe.space();
        FeatureFingerprint fp = own.fingerprint();
        FeatureSpace otherBackbone = new FeatureSpace(own.concepts(), own.classNames(),
                new FeatureFingerprint("open_clip:ViT-B-16", fp.vocabulary(), fp.vocabularySize(), fp.l1Penalty(), "zzz"));
        var e = assertThrows(IllegalArgumentException.class, () -> TrainedProbe.load(saved, otherBackbone));
        assertTrue(e.getMessage().contains("backbone is open_clip:ViT-B-16 in the features but test:clip in the probe"), e.getMessage());
        assertTrue(e.getMessage().contains(saved.toString()), "names the model: " + e.getMessage());
        FeatureSpace otherVocabulary = new FeatureSpace(own.concepts(), own.classNames(),
                new FeatureFingerprint(fp.backbone(), "laion", 10000, fp.l1Penalty(), fp.dictionaryChecksum()));
        var v = assertThrows(IllegalArgumentException.class, () -> TrainedProbe.load(saved, otherVocabulary));
        assertTrue(v.getMessage().contains("vocabulary is laion") && v.getMessage().contains("vocabulary_size is 10000"), v.getMessage());
        assertTrue(!v.getMessage().contains("backbone is"), "only differing fields: " + v.getMessage());
    }

    @Test
    void weightsOfTheWrongShapeAreRefused() throws Exception {
        Path saved = dir.resolve("model");
        probe.save(saved);
        Files.writeString(saved.resolve("concepts.txt"), "only\ntwo\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TrainedProbe.load(saved));
        assertTrue(e.getMessage().contains("40 x 5 matrix but concepts.txt and classes.txt list 2 concepts and 5 classes"), e.getMessage());
    }

    @Test
    void readsTheFingerprintFromMetaJson() throws Exception {
        Path meta = dir.resolve("meta.json");
        Files.writeString(meta, "{\"format_version\": 1, \"backbone\": \"open_clip:ViT-B-32\", \"vocabulary\": \"laion\","
                + " \"vocabulary_size\": 10000, \"l1_penalty\": 0.25, \"dictionary_sha256\": \"sha256:ab\", \"rows\": 5}");
        assertEquals(new FeatureFingerprint("open_clip:ViT-B-32", "laion", 10000, 0.25, "sha256:ab"), FeatureFingerprint.read(meta));
        Files.writeString(meta, "{\"backbone\": \"x\", \"vocabulary\": \"laion\", \"l1_penalty\": 0.25}");
        var e = assertThrows(IllegalArgumentException.class, () -> FeatureFingerprint.read(meta));
        assertTrue(e.getMessage().contains("lacks the key 'vocabulary_size'"), e.getMessage());
    }

    @Test
    void readsTheSpaceOfAFeatureSetDirectory() throws Exception {
        Files.writeString(dir.resolve("concepts.txt"), "sky\nwater\nbird\n");
        Files.writeString(dir.resolve("meta.json"), "{\"backbone\": \"b\", \"vocabulary\": \"v\", \"vocabulary_size\": 3,"
                + " \"l1_penalty\": 0.2, \"dictionary_sha256\": \"c\"}");
        FeatureSpace space = FeatureSpace.read(dir, List.of("land", "sea"));
        assertEquals(List.of("sky", "water", "bird"), space.concepts());
        assertEquals(new FeatureFingerprint("b", "v", 3, 0.2, "c"), space.fingerprint());
    }

    @Test
    void readsTheFingerprintOfAFeatureSetWrittenByTheStore() throws Exception {
        org.splicecbm.store.FeatureSetMeta meta = new org.splicecbm.store.FeatureSetMeta(
                org.splicecbm.store.FeatureSetMeta.FORMAT_VERSION, "open_clip:ViT-B-32", "laion", 3, 0.25, "admm", 1e-6,
                "published", "cifar10", "test", 2, 1.0, 0.8, "2026-11-26T00:00:00Z", "e3b0c442", "key", List.of());
        org.splicecbm.store.CsrMatrix x = new org.splicecbm.store.CsrMatrix(2, 3, new float[] {1, 2}, new int[] {0, 2}, new long[] {0, 1, 2});
        new org.splicecbm.store.FeatureSet(x, new long[] {0, 1}, List.of("sky", "water", "bird"), meta).write(dir.resolve("set"));
        FeatureSpace space = FeatureSpace.read(dir.resolve("set"), List.of("land", "sea"));
        assertEquals(new FeatureFingerprint("open_clip:ViT-B-32", "laion", 3, 0.25, "e3b0c442"), space.fingerprint());
        assertEquals(List.of("sky", "water", "bird"), space.concepts());
    }

    @Test
    void numpyReadsTheWeights() throws Exception {
        PythonReference.require("numpy");
        Path saved = dir.resolve("model");
        probe.save(saved);
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import numpy as np,sys; w=np.load(sys.argv[1]); b=np.load(sys.argv[2]);"
                        + "print(w.shape[0], w.shape[1], w.dtype, repr(float(w[6,2])), repr(float(b[1])))",
                saved.resolve("weights.npy").toString(), saved.resolve("bias.npy").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("40 5 float32 " + (double) probe.weights().weight(6, 2) + " " + (double) probe.weights().bias(1), out);
    }
}
