package org.splicecbm.zeroshot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.data.Split;

/** The zero-shot classification math and bookkeeping on small hand-made vectors. */
class ZeroShotClassifierTest {
    /** Three class directions in 3-D; class 2 is long, which must not matter (cosine, not dot product). */
    static final float[][] CLASSES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 10}};
    final ZeroShotClassifier classifier = new ZeroShotClassifier(CLASSES);

    @Test
    void eachImageGoesToTheClassOfLargestCosine() {
        float[][] images = {
            {3, 1, 0},        // nearest axis x
            {0.2f, 5, 4},     // y beats z by cosine
            {0.1f, 0.1f, 0.3f}, // z, although class 2's raw dot product would win anyway
            {2, 0, 1.9f},     // x: 2 > 1.9 once the long z class is normalised (its dot product would say z)
            {-1, -1, -0.5f},  // all cosines negative: the least negative wins
        };
        assertArrayEquals(new int[] {0, 1, 2, 0, 2}, classifier.predict(images));
    }

    @Test
    void predictionsDoNotDependOnTheImageScale() {
        float[][] images = {{0.3f, 0.2f, 0.1f}, {30, 20, 10}};
        int[] p = classifier.predict(images);
        assertEquals(p[0], p[1]);
        assertEquals(0, p[0]);
    }

    @Test
    void tiesGoToTheLowerLabelAndZeroImagesToNoClass() {
        assertArrayEquals(new int[] {0, ZeroShotClassifier.NO_CLASS}, classifier.predict(new float[][] {{1, 1, 0}, {0, 0, 0}}));
    }

    @Test
    void badEmbeddingsAreErrorsThatSayWhatIsWrong() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> classifier.predict(new float[][] {{1, 0, 0}, {0, Float.NaN, 0}}));
        assertTrue(nan.getMessage().contains("image embedding 1") && nan.getMessage().contains("non-finite"), nan.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> classifier.predict(new float[][] {{1, 0}}));
        assertTrue(width.getMessage().contains("expected 3"), width.getMessage());
        IllegalArgumentException zeroClass = assertThrows(IllegalArgumentException.class,
                () -> new ZeroShotClassifier(new float[][] {{1, 0}, {0, 0}}));
        assertTrue(zeroClass.getMessage().contains("class embedding 1 is all zeros"), zeroClass.getMessage());
    }

    @Test
    void promptsReadUnderscoresAsSpacesAndNeedOneSlot() {
        ClassPrompts prompts = new ClassPrompts(ClassPrompts.DEFAULT_TEMPLATE, List.of("aquarium_fish", "pickup_truck"));
        assertEquals(List.of("A photo of a aquarium fish", "A photo of a pickup truck"), prompts.texts());
        assertEquals(List.of("a cat.", "a dog."), new ClassPrompts("a {}.", List.of("cat", "dog")).texts());
        assertThrows(IllegalArgumentException.class, () -> new ClassPrompts("a photo", List.of("cat", "dog")));
        assertThrows(IllegalArgumentException.class, () -> new ClassPrompts("{} and {}", List.of("cat", "dog")));
        assertThrows(IllegalArgumentException.class, () -> new ClassPrompts("a {}", List.of("cat")));
    }

    @Test
    void denseStudyCountsHitsOverBatches() {
        float[][] a = {{1, 0, 0}, {0, 1, 0}};
        float[][] b = {{0, 0, 1}, {0, 0, 0}};
        ZeroShotStudy study = new ZeroShotStudy(List.of(a, b), new long[] {0, 2, 2, 1}, classifier, "hand");
        ZeroShotResult dense = study.dense();
        assertEquals(4, dense.images());
        assertEquals(0.5, dense.accuracy(), 1e-12, "rows 0 and 2 right, row 1 wrong, the zero row has no class");
        assertTrue(dense.dense());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> new ZeroShotStudy(List.of(a, b), new long[] {0, 1, 2}, classifier, "hand").dense());
        assertTrue(mismatch.getMessage().contains("labels"), mismatch.getMessage());
    }

    @Test
    void reportCsvHasTheDenseRowFirstThenOneRowPerPenalty() {
        ZeroShotReport report = new ZeroShotReport("tiny", Split.TEST, new ClassPrompts("a {}", List.of("x", "y")),
                new ZeroShotResult(Double.NaN, 10, Double.NaN, 1.0, 0.9),
                List.of(new ZeroShotResult(0.15, 10, 12.5, 0.6, 0.8), new ZeroShotResult(0.35, 10, 3.25, 0.45, 0.5)));
        assertEquals("""
                setting,l1,mean_l0,mean_cosine,zero_shot_accuracy,images
                dense,,,1.0,0.9,10
                splice,0.15,12.5,0.6,0.8,10
                splice,0.35,3.25,0.45,0.5,10
                """, report.csv());
        String table = report.table();
        assertTrue(table.contains("dense") && table.contains("0.9000") && table.contains("12.5000"), table);
    }
}
