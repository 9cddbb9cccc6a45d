package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.store.CsrMatrix;

/**
 * SpLiCE's formulas on hand-checkable data. With an orthonormal dictionary (the identity) the
 * nonnegative lasso has the closed form {@code w_j = max(0, zc_j - l1/2)}, so every number below
 * can be worked out on paper.
 */
class SpliceFormulaTest {
    private static final float[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    private static final float[] MEAN = {0, 0, 0.6f};
    private static final double L1 = 0.2;
    private static SpliceDecomposer decomposer;

    @BeforeAll
    static void open() {
        decomposer = new SpliceDecomposer(IDENTITY, MEAN, L1, SolverOptions.defaults().withThreads(1));
    }

    @AfterAll
    static void close() {
        decomposer.close();
    }

    @Test
    void dictionaryIsNormalisedCentredAndNormalisedAgain() {
        // rows of different lengths normalise to the unit basis; mean (1/3,1/3,1/3); centred rows
        // (2,-1,-1)/3 etc. have norm sqrt(6)/3, so the result is (2,-1,-1)/sqrt(6) and permutations
        float[][] centred = DictionaryMath.centre(new float[][] {{5, 0, 0}, {0, 0.5f, 0}, {0, 0, 2}});
        double a = 2 / Math.sqrt(6);
        double b = -1 / Math.sqrt(6);
        assertArrayEquals(new float[] {(float) a, (float) b, (float) b}, centred[0], 1e-7f);
        assertArrayEquals(new float[] {(float) b, (float) a, (float) b}, centred[1], 1e-7f);
        assertArrayEquals(new float[] {(float) b, (float) b, (float) a}, centred[2], 1e-7f);
        var zero = assertThrows(IllegalArgumentException.class, () -> DictionaryMath.centre(new float[][] {{1, 0}, {0, 0}}));
        assertTrue(zero.getMessage().contains("row 1"), zero.getMessage());
    }

    @Test
    void decompositionRecompositionCosineAndL0ByHand() {
        // raw (3,4,0): z = (0.6,0.8,0); z - mean = (0.6,0.8,-0.6), norm sqrt(1.36);
        // zc = (0.6,0.8,-0.6)/sqrt(1.36); w = max(0, zc - 0.1) on the first two, 0 on the third
        float[][] raw = {{3, 4, 0}};
        Decomposition d = decomposer.decompose(raw);
        double n = Math.sqrt(1.36);
        double w0 = 0.6 / n - 0.1;
        double w1 = 0.8 / n - 0.1;
        assertArrayEquals(new float[] {(float) w0, (float) w1, 0}, d.weights().denseRow(0), 1e-6f);
        assertEquals(2, d.l0()[0]);
        // recon = normalize(normalize((w0, w1, 0)) + mean)
        double len = Math.hypot(w0, w1);
        double[] recon = {w0 / len, w1 / len, 0.6};
        double rl = Math.sqrt(recon[0] * recon[0] + recon[1] * recon[1] + recon[2] * recon[2]);
        double cosine = (recon[0] * 0.6 + recon[1] * 0.8) / rl;
        assertEquals(cosine, d.cosine()[0], 1e-6);
        float[][] recomposed = decomposer.recompose(d.weights());
        assertArrayEquals(new float[] {(float) (recon[0] / rl), (float) (recon[1] / rl), (float) (0.6 / rl)},
                recomposed[0], 1e-6f);
    }

    @Test
    void interventionZeroesTheChosenConceptsAndRecomposesWithoutThem() {
        float[][] raw = {{3, 4, 0}, {1, 1, 1}};
        Decomposition before = decomposer.decompose(raw);
        Decomposition after = decomposer.intervene(raw, new int[] {1});
        assertEquals(0f, after.weights().denseRow(0)[1]);
        assertEquals(before.weights().denseRow(0)[0], after.weights().denseRow(0)[0]);
        assertEquals(before.l0()[0] - 1, after.l0()[0]);
        // with only concept 0 left, recon = normalize((1,0,0) + mean) = (1,0,0.6)/sqrt(1.36): cos with z = 0.6/sqrt(1.36)
        assertEquals(0.6 / Math.sqrt(1.36), after.cosine()[0], 1e-6);
        assertTrue(after.cosine()[0] < before.cosine()[0]);
        assertThrows(IllegalArgumentException.class, () -> decomposer.intervene(raw, new int[] {3}));
    }

    @Test
    void zeroEmbeddingHasNoWeightsAndUndefinedCosine() {
        Decomposition d = decomposer.decompose(new float[][] {{0, 0, 0}, {3, 4, 0}});
        assertEquals(0, d.l0()[0]);
        assertEquals(0, d.weights().rowNnz(0));
        assertTrue(Float.isNaN(d.cosine()[0]));
        assertEquals(2, d.l0()[1]);
    }

    @Test
    void nonFiniteEmbeddingNamesTheRow() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> decomposer.decompose(new float[][] {{1, 2, 3}, {1, Float.NaN, 0}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void recomposeRejectsWeightsOfAnotherDictionary() {
        CsrMatrix wrong = new CsrMatrix(1, 4, new float[0], new int[0], new long[] {0, 0});
        assertThrows(IllegalArgumentException.class, () -> decomposer.recompose(wrong));
    }
}
