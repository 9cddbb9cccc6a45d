package org.splicecbm.concepts;

import org.splicecbm.SharedFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipGolden;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.engine.DeviceChoice;

/** Dictionaries from the real tiny CLIP fixture (tiny-clip-quickgelu, d = 24) through {@link HfClipBackbone}. */
class ConceptDictionaryClipTest {
    private static ClipGolden golden;
    private static HfClipBackbone clip;

    @TempDir
    Path cache;

    @BeforeAll
    static void open() throws Exception {
        golden = ClipGolden.load("tiny-clip-quickgelu");
        clip = HfClipBackbone.load(golden.dir(), new BackboneOptions(DeviceChoice.CPU, 0, 16));
    }

    @AfterAll
    static void close() {
        clip.close();
    }

    /**
     * The fixture's tokenizer has only 400 tokens and rejects 14 of laion's last 50 words ("you", "with", digits...),
     * so the vocabulary here is laion's 50 most frequent words <em>that the fixture can encode</em>, kept in file order.
     */
    @Test
    void laionLast50GivesUnitRowsCentredOnTheirMean() {
        Vocabulary laion = Vocabulary.read(SharedFixtures.spliceData().resolve("vocab/laion.txt"), "laion", VocabularyRules.PUBLISHED);
        Vocabulary encodable = encodableTail(laion, 50);
        ConceptDictionary dict = ConceptDictionaries.load(clip, encodable, 50, cache);
        assertEquals(50, dict.size());
        assertEquals(encodable.concepts(), dict.concepts());
        assertEquals(clip.embeddingDim(), dict.dim());
        for (float[] row : dict.vectors()) {
            assertEquals(1.0, norm(row), 1e-5);
        }
        double[][] centred = centredBeforeSecondNormalisation(clip.embedTexts(dict.concepts()));
        for (int j = 0; j < dict.dim(); j++) {
            double colMean = 0;
            for (double[] row : centred) {
                colMean += row[j] / centred.length;
            }
            assertEquals(0.0, colMean, 1e-6, "column " + j);
        }
        assertMatchesFormula(centred, dict.vectors(), 1e-5);
        assertEquals(dict.provenance(), ConceptDictionaries.load(clip, encodable, 50, cache).provenance());
    }

    private static Vocabulary encodableTail(Vocabulary vocab, int k) {
        List<String> kept = new ArrayList<>();
        List<String> all = vocab.concepts();
        for (int i = all.size() - 1; i >= 0 && kept.size() < k; i--) {
            try {
                clip.tokenize(List.of(all.get(i)));
                kept.add(0, all.get(i));
            } catch (RuntimeException outsideTinyVocabulary) {
                // the 400-token fixture tokenizer has no entry for this word
            }
        }
        byte[] file = (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8);
        return Vocabulary.parse(file, "laion-tiny", "laion-tiny.txt", "memory", VocabularyRules.STRICT);
    }

    /** Parity: the dictionary of the golden texts equals the formula applied to transformers' text embeddings. */
    @Test
    void goldenTextsMatchTheFormulaOnTransformersEmbeddings() {
        byte[] file = (String.join("\n", golden.texts()) + "\n").getBytes(StandardCharsets.UTF_8);
        Vocabulary v = Vocabulary.parse(file, "golden", "golden.txt", "memory", VocabularyRules.STRICT);
        ConceptDictionary dict = ConceptDictionaries.build(clip, v, golden.texts().size());
        assertMatchesFormula(centredBeforeSecondNormalisation(golden.textEmbeds()), dict.vectors(), 2e-3);
    }

    private static double[][] centredBeforeSecondNormalisation(float[][] raw) {
        int d = raw[0].length;
        double[][] unit = new double[raw.length][d];
        double[] mean = new double[d];
        for (int i = 0; i < raw.length; i++) {
            double n = norm(raw[i]);
            for (int j = 0; j < d; j++) {
                unit[i][j] = raw[i][j] / n;
                mean[j] += unit[i][j] / raw.length;
            }
        }
        for (double[] row : unit) {
            for (int j = 0; j < d; j++) {
                row[j] -= mean[j];
            }
        }
        return unit;
    }

    private static void assertMatchesFormula(double[][] centred, float[][] actual, double tolerance) {
        for (int i = 0; i < centred.length; i++) {
            double n = 0;
            for (double x : centred[i]) {
                n += x * x;
            }
            n = Math.sqrt(n);
            for (int j = 0; j < centred[i].length; j++) {
                double expected = centred[i][j] / n;
                assertTrue(Math.abs(expected - actual[i][j]) <= tolerance,
                        "row " + i + " col " + j + ": expected " + expected + ", found " + actual[i][j]);
            }
        }
    }

    private static double norm(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        return Math.sqrt(sq);
    }
}
