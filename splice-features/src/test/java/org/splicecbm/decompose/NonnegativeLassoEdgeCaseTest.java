package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splicecbm.concepts.DictionaryMath;

/** Penalty thresholds, nonnegative least squares, degenerate dictionaries, bad input. */
class NonnegativeLassoEdgeCaseTest {
    private static final ClipLikeProblem PROBLEM = ClipLikeProblem.generate(600, 64, 6, 5, 0.5, 11);
    private static NonnegativeLasso solver;

    @BeforeAll
    static void open() {
        solver = new NonnegativeLasso(PROBLEM.dictionary, SolverOptions.defaults().withThreads(2));
    }

    @AfterAll
    static void close() {
        solver.close();
    }

    /** w = 0 is optimal iff max_j 2 c_j.z <= l1: just above the threshold gives 0, just below does not. */
    @Test
    void penaltyThresholdForTheZeroSolution() {
        float[] z = PROBLEM.targets[0];
        double threshold = 0;
        for (float[] concept : PROBLEM.dictionary) {
            threshold = Math.max(threshold, 2 * ReferenceNonnegativeLasso.dot(concept, DictionaryMath.widen(z)));
        }
        LassoResult above = solver.solve(new float[][] {z}, threshold * (1 + 1e-6));
        assertEquals(0, above.weights().nnz());
        assertEquals(DictionaryMath.dot(DictionaryMath.widen(z), DictionaryMath.widen(z)), above.objective()[0], 1e-12);
        assertEquals(0, above.dualityGap()[0], 1e-15);
        LassoResult below = solver.solve(new float[][] {z}, threshold * (1 - 1e-3));
        assertEquals(1, below.weights().nnz(), "just below the threshold only the top concept enters");
    }

    @Test
    void zeroPenaltyIsNonnegativeLeastSquaresWithFewerConceptsThanDimensions() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(40, 64, 12);
        float[][] targets = ClipLikeProblem.gaussianRows(5, 64, 13);
        NonnegativeLassoTest.checkAgainstReference(dictionary, targets, 0.0, 200_000);
        // strictly convex here (full row rank), so the weights themselves are unique
        try (NonnegativeLasso nnls = new NonnegativeLasso(dictionary, SolverOptions.defaults())) {
            LassoResult result = nnls.solve(targets, 0.0);
            for (int i = 0; i < targets.length; i++) {
                double[] reference = ReferenceNonnegativeLasso.solve(dictionary, targets[i], 0.0, 200_000);
                double[] got = LassoAssertions.row(result.weights(), i);
                for (int j = 0; j < reference.length; j++) {
                    assertEquals(reference[j], got[j], 1e-5, "NNLS weight " + j + " of row " + i);
                }
            }
        }
    }

    @Test
    void zeroPenaltyWithMoreConceptsThanDimensionsMatchesTheReferenceObjective() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(120, 24, 14);
        float[][] targets = ClipLikeProblem.gaussianRows(4, 24, 15);
        try (NonnegativeLasso nnls = new NonnegativeLasso(dictionary, SolverOptions.defaults())) {
            LassoResult result = nnls.solve(targets, 0.0);
            for (int i = 0; i < targets.length; i++) {
                // the target lies in the cone of 120 random directions in 24 dimensions: objective 0
                double reference = ReferenceNonnegativeLasso.objective(dictionary, targets[i],
                        ReferenceNonnegativeLasso.solve(dictionary, targets[i], 0.0, 100_000), 0.0);
                assertEquals(reference, result.objective()[i], 1e-6);
                assertTrue(result.objective()[i] < 1e-6, "a generic target is inside the cone: " + result.objective()[i]);
            }
        }
    }

    @Test
    void duplicateAndCollinearConceptsReachTheSameObjective() {
        float[][] base = ClipLikeProblem.gaussianRows(50, 32, 16);
        float[][] dictionary = new float[base.length + 20][];
        System.arraycopy(base, 0, dictionary, 0, base.length);
        for (int m = 0; m < 10; m++) {
            dictionary[base.length + m] = base[m].clone(); // exact duplicates
            float[] half = new float[32];
            for (int k = 0; k < 32; k++) {
                half[k] = 0.5f * base[10 + m][k]; // collinear, shorter
            }
            dictionary[base.length + 10 + m] = half;
        }
        float[][] targets = new float[4][];
        for (int i = 0; i < 4; i++) {
            double[] t = new double[32];
            for (int k = 0; k < 32; k++) {
                t[k] = 0.8 * base[i][k] + 0.6 * base[12 + i][k] + 0.3 * base[30 + i][k];
            }
            targets[i] = DictionaryMath.toFloat(t);
        }
        for (double l1 : new double[] {0.0, 0.05, 0.3}) {
            NonnegativeLassoTest.checkAgainstReference(dictionary, targets, l1, 200_000);
        }
    }

    @Test
    void zeroTargetHasZeroWeightsAndNoGap() {
        LassoResult result = solver.solve(new float[][] {new float[64], PROBLEM.targets[1]}, 0.25);
        assertEquals(0, result.weights().rowNnz(0));
        assertEquals(0, result.objective()[0]);
        assertEquals(0, result.dualityGap()[0]);
        assertTrue(result.weights().rowNnz(1) > 0);
    }

    @Test
    void emptyBatchGivesAnEmptyResult() {
        LassoResult result = solver.solve(new float[0][], 0.25);
        assertEquals(0, result.weights().rows());
        assertEquals(600, result.weights().cols());
        assertEquals(0, result.objective().length);
    }

    @Test
    void zeroConceptRowNeverGetsWeight() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(30, 16, 17);
        dictionary[3] = new float[16];
        float[][] targets = ClipLikeProblem.gaussianRows(3, 16, 18);
        NonnegativeLassoTest.checkAgainstReference(dictionary, targets, 0.05, 100_000);
    }

    @Test
    void badInputIsRejectedWithTheRowNamed() {
        float[][] targets = {PROBLEM.targets[0].clone(), PROBLEM.targets[1].clone(), PROBLEM.targets[2].clone()};
        targets[2][5] = Float.NaN;
        var nan = assertThrows(IllegalArgumentException.class, () -> solver.solve(targets, 0.25));
        assertTrue(nan.getMessage().contains("row 2") && nan.getMessage().contains("NaN"), nan.getMessage());
        targets[2][5] = Float.POSITIVE_INFINITY;
        var inf = assertThrows(IllegalArgumentException.class, () -> solver.solve(targets, 0.25));
        assertTrue(inf.getMessage().contains("row 2") && inf.getMessage().contains("Infinity"), inf.getMessage());
        var width = assertThrows(IllegalArgumentException.class, () -> solver.solve(new float[][] {new float[63]}, 0.25));
        assertTrue(width.getMessage().contains("64"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> solver.solve(PROBLEM.targets, -0.1));
        assertThrows(IllegalArgumentException.class, () -> solver.solve(PROBLEM.targets, Double.NaN));
        float[][] badDictionary = ClipLikeProblem.gaussianRows(5, 4, 1);
        badDictionary[4][0] = Float.NaN;
        var dict = assertThrows(IllegalArgumentException.class, () -> new NonnegativeLasso(badDictionary, SolverOptions.defaults()));
        assertTrue(dict.getMessage().contains("dictionary row 4"), dict.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SolverOptions.defaults().withRelativeGapTolerance(0));
        assertThrows(IllegalArgumentException.class, () -> SolverOptions.defaults().withThreads(0));
    }

    @Test
    void looseToleranceReallyLoosensTheCertificate() {
        // guards the gap test itself: with a loose tolerance the solver may stop early, and then
        // the reported gap, not zero, must account for the suboptimality
        try (NonnegativeLasso loose = new NonnegativeLasso(PROBLEM.dictionary,
                SolverOptions.defaults().withRelativeGapTolerance(0.5))) {
            LassoResult result = loose.solve(PROBLEM.targets, 0.1);
            for (int i = 0; i < PROBLEM.targets.length; i++) {
                double best = ReferenceNonnegativeLasso.objective(PROBLEM.dictionary, PROBLEM.targets[i],
                        ReferenceNonnegativeLasso.solve(PROBLEM.dictionary, PROBLEM.targets[i], 0.1, 20000), 0.1);
                double excess = result.objective()[i] - best;
                assertTrue(excess <= result.dualityGap()[i] + 1e-9, "gap " + result.dualityGap()[i]
                        + " must bound the excess objective " + excess);
            }
        }
    }
}
