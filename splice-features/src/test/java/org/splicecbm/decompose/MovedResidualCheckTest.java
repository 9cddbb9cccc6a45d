package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.splicecbm.concepts.DictionaryMath;

/** A moved residual's check lists exact correlations and bounds the maximum over all concepts, or gives up. */
class MovedResidualCheckTest {
    private static final SolverKernels EXACT = new ScalarKernels();
    private static final int CAP = 64;

    @Test
    void exactMaximumBoundsEveryConceptOrCheckGivesUp() {
        ClipLikeProblem data = ClipLikeProblem.generate(1200, 96, 8, 6, 0.8, 41);
        ConceptRows concepts = ConceptRows.of(data.dictionary);
        int c = concepts.count();
        Random random = new Random(42);
        int exactOutcomes = 0;
        int nullOutcomes = 0;
        int outsideListed = 0;
        try (DictionaryCorrelator correlator = new DictionaryCorrelator(concepts.rows(), 64)) {
            for (float[] targetRow : data.targets) {
                double l1 = 0.15;
                double[] z = DictionaryMath.widen(targetRow);
                WorkingSetProblem problem = new WorkingSetProblem(concepts.rows(), concepts.squaredNorms(), z, l1);
                double[] roundStart = z.clone();
                for (int round = 0; round < 4; round++) { // a few working-set rounds: near, not at, the optimum
                    addLargest(concepts, problem, roundStart, 8);
                    problem.solve(1e-10, 1000);
                    problem.residualInto(roundStart);
                }
                float[] residualFloat = new float[z.length];
                for (int k = 0; k < z.length; k++) {
                    residualFloat[k] = (float) roundStart[k];
                }
                float[] corr = correlator.correlate(residualFloat, 1);
                double error = concepts.floatErrorPerResidualNorm() * Math.sqrt(DictionaryMath.dot(roundStart, roundStart));
                CorrelationScan scan = CorrelationScan.of(corr, 0, c, l1 / 2 - error);
                for (double move : new double[] {1e-4, 3e-3, 0.05, 0.5}) {
                    double[] moved = roundStart.clone();
                    for (int m = 0; m < 3; m++) { // in the span of a few concepts
                        EXACT.subtractScaled(moved, move * random.nextGaussian(), concepts.rows()[random.nextInt(c)]);
                    }
                    MovedResidualCheck check = new MovedResidualCheck(concepts, CAP);
                    MovedResidualCheck.Exact exact = check.check(scan, problem, roundStart, moved, error, l1 / 2);
                    String what = "move " + move + ", l1 " + l1;
                    if (exact == null) {
                        nullOutcomes++;
                        continue;
                    }
                    exactOutcomes++;
                    outsideListed += exact.outside();
                    assertExact(concepts, problem, exact, moved, l1 / 2, what);
                }
            }
        }
        assertTrue(exactOutcomes > 0, "small moves must give exact correlations");
        assertTrue(nullOutcomes > 0, "large moves must exceed the cap (null)");
        assertTrue(outsideListed > 0, "some exact check must list concepts outside the working set");
    }

    /** Adds the {@code count} concepts outside the working set with the largest exact correlation with r. */
    private static void addLargest(ConceptRows concepts, WorkingSetProblem problem, double[] r, int count) {
        for (int m = 0; m < count; m++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < concepts.count(); j++) {
                double value = EXACT.dot(concepts.rows()[j], r);
                if (!problem.contains(j) && value > bestValue) {
                    best = j;
                    bestValue = value;
                }
            }
            problem.add(new int[] {best}, new double[] {bestValue}, 1);
        }
    }

    private static void assertExact(ConceptRows concepts, WorkingSetProblem problem, MovedResidualCheck.Exact exact,
                                    double[] residual, double limit, String what) {
        int c = concepts.count();
        boolean[] listed = new boolean[c];
        int n = exact.values().length;
        assertEquals(n, exact.ids().length, "one id per value, " + what);
        assertTrue(n - exact.outside() == problem.size(), "the working set's members follow the outside concepts, " + what);
        for (int m = 0; m < n; m++) {
            int id = exact.ids()[m];
            listed[id] = true;
            assertEquals(m >= exact.outside(), problem.contains(id), "slot " + m + " inside iff a member, " + what);
            if (m >= exact.outside()) {
                assertEquals(problem.member(m - exact.outside()), id, "members in working-set order, " + what);
            }
            assertEquals(Double.doubleToLongBits(EXACT.dot(concepts.rows()[id], residual)),
                    Double.doubleToLongBits(exact.values()[m]), "listed value of concept " + id + " is the exact dot, " + what);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            double value = EXACT.dot(concepts.rows()[j], residual);
            max = Math.max(max, value);
            if (!listed[j]) {
                assertTrue(value < limit, "unlisted concept " + j + " must lie below the limit " + limit + ": " + value
                        + ", " + what);
            }
        }
        assertTrue(exact.max() >= max, "Exact.max() " + exact.max() + " must bound max_j c_j.r_new " + max + ", " + what);
        assertFalse(exact.max() > Math.max(max, limit), "Exact.max() is the larger of the limit and the listed maximum, " + what);
    }
}
