package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.store.CsrMatrix;

/** Bad input fails at construction with a message that says what is wrong. */
class TrainingDataTest {
    static final FeatureSpace SPACE = new FeatureSpace(List.of("a", "b", "c"), List.of("x", "y"), null);
    static final CsrMatrix TWO_ROWS = new CsrMatrix(2, 3, new float[] {1, 2}, new int[] {0, 2}, new long[] {0, 1, 2});

    @Test
    void labelOutsideTheClassRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(SPACE, TWO_ROWS, new int[] {0, 2}));
        assertTrue(e.getMessage().contains("label 2 at row 1 is outside the class range [0, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingData(SPACE, TWO_ROWS, new int[] {-1, 0}));
    }

    @Test
    void emptySplit() {
        CsrMatrix empty = new CsrMatrix(0, 3, new float[0], new int[0], new long[] {0});
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(SPACE, empty, new int[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void featuresAndLabelsOfDifferentLengths() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(SPACE, TWO_ROWS, new int[] {0, 1, 1}));
        assertTrue(e.getMessage().contains("2 feature rows but 3 labels"), e.getMessage());
    }

    @Test
    void conceptListOfAnotherWidth() {
        FeatureSpace wide = new FeatureSpace(List.of("a", "b", "c", "d"), List.of("x", "y"), null);
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(wide, TWO_ROWS, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("3 columns but the concept list has 4"), e.getMessage());
    }

    @Test
    void nonFiniteFeatureValue() {
        CsrMatrix nan = new CsrMatrix(2, 3, new float[] {1, Float.NaN}, new int[] {0, 2}, new long[] {0, 1, 2});
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(SPACE, nan, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void splitsFromDifferentFeatureSpacesAreRejected() {
        FeatureSpace other = new FeatureSpace(List.of("a", "b", "z"), List.of("x", "y"), null);
        TrainingData train = new TrainingData(SPACE, TWO_ROWS, new int[] {0, 1});
        TrainingData val = new TrainingData(other, TWO_ROWS, new int[] {0, 1});
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProbeTrainer.train(train, val, org.splicecbm.probe.ProbeConfig.defaults(), null));
        assertTrue(e.getMessage().contains("different concept lists"), e.getMessage());
    }
}
