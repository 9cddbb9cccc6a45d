package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The solver against a slow exact reference, on unstructured and CLIP-like problems. */
class NonnegativeLassoTest {
    private static final double KKT_TOLERANCE = 1e-5;

    @Test
    void gaussianDictionaryWithMoreConceptsThanDimensions() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(300, 64, 1);
        float[][] targets = ClipLikeProblem.gaussianRows(12, 64, 2);
        checkAgainstReference(dictionary, targets, 0.1, 5000);
    }

    @Test
    void clipLikeDictionaryWithSparseMixTargets() {
        ClipLikeProblem p = ClipLikeProblem.generate(1500, 128, 16, 6, 0.6, 3);
        checkAgainstReference(p.dictionary, p.targets, 0.25, 20000);
    }

    @Test
    void clipLikeSmallPenaltyGivesLargeSupport() {
        ClipLikeProblem p = ClipLikeProblem.generate(400, 96, 4, 10, 1.0, 4);
        checkAgainstReference(p.dictionary, p.targets, 0.02, 50000);
    }

    @Test
    @Tag("heavy")
    void fullSizeClipLikeProblem() {
        ClipLikeProblem p = ClipLikeProblem.generate(10_000, 512, 3, 10, 1.0, 5);
        checkAgainstReference(p.dictionary, p.targets, 0.25, 3000);
    }

    /** The rows that skip the final product (certified by a bound) must be exactly as optimal as the others. */
    @Test
    void rowsCertifiedWithoutAFinalProductAreOptimal() {
        ClipLikeProblem p = ClipLikeProblem.generate(1000, 64, 60, 4, 0.2, 6);
        LassoResult result = checkAgainstReference(p.dictionary, p.targets, 0.3, 20000);
        assertTrue(result.stats().certifiedWithoutProduct() > 0, "this problem should exercise the bound-based certificate");
    }

    static LassoResult checkAgainstReference(float[][] dictionary, float[][] targets, double l1, int referenceSweeps) {
        LassoResult result;
        try (NonnegativeLasso solver = new NonnegativeLasso(dictionary, SolverOptions.defaults().withThreads(2))) {
            result = solver.solve(targets, l1);
        }
        for (int i = 0; i < targets.length; i++) {
            double[] reference = ReferenceNonnegativeLasso.solve(dictionary, targets[i], l1, referenceSweeps);
            double expected = ReferenceNonnegativeLasso.objective(dictionary, targets[i], reference, l1);
            double fromFloatWeights = ReferenceNonnegativeLasso.objective(dictionary, targets[i],
                    LassoAssertions.row(result.weights(), i), l1);
            double tolerance = 1e-5 * expected + 1e-12; // relative, with a floor for exactly representable targets
            assertEquals(expected, result.objective()[i], tolerance, "reported objective, row " + i);
            assertEquals(expected, fromFloatWeights, tolerance, "objective of returned weights, row " + i);
            assertTrue(result.objective()[i] <= expected * (1 + 1e-9) + 1e-15, "solver must be at least as good as the"
                    + " reference: " + result.objective()[i] + " vs " + expected + ", row " + i);
            // the solver's certificate: 1e-7 relative, or 1e-14 of ||z||^2 for targets fitted almost exactly (l1 = 0)
            double energy = 0;
            for (float v : targets[i]) {
                energy += (double) v * v;
            }
            assertTrue(result.dualityGap()[i] <= 1e-7 * result.objective()[i] + 1e-14 * energy,
                    "certified gap, row " + i + ": " + result.dualityGap()[i] + " at objective " + result.objective()[i]);
            LassoAssertions.assertOptimal(dictionary, targets[i], result.weights(), i, l1, KKT_TOLERANCE);
        }
        return result;
    }
}
