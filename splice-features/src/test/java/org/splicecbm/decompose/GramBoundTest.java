package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splicecbm.concepts.DictionaryMath;

/** The fixed-point Gram matrix and the Gram-refreshed correlations stay within their stated error bounds. */
class GramBoundTest {
    private static final double UNIT_ROUNDOFF = 0x1p-24;
    private static final SolverKernels EXACT = new ScalarKernels();
    private static final ClipLikeProblem PROBLEM = ClipLikeProblem.generate(1500, 96, 6, 6, 0.5, 31);
    private static ConceptRows concepts;
    private static DictionaryCorrelator correlator;
    private static GramMatrix gram;

    @BeforeAll
    static void computeGram() {
        concepts = ConceptRows.of(PROBLEM.dictionary);
        correlator = new DictionaryCorrelator(concepts.rows(), 256);
        gram = GramMatrix.compute(concepts, correlator, 256);
    }

    @AfterAll
    static void close() {
        correlator.close();
    }

    @Test
    void everyStoredEntryIsWithinHalfAStepPlusTheFloatProductBound() {
        int c = concepts.count();
        int d = concepts.dimension();
        double step = gram.step();
        double worstRatio = 0;
        for (int s = 0; s < c; s++) {
            short[] row = gram.row(s);
            assertTrue(row.length == c, "Gram row " + s + " must hold every concept");
            for (int j = 0; j < c; j++) {
                double exact = EXACT.dot(concepts.rows()[s], concepts.rows()[j]);
                double bound = step / 2 + 2 * (d + 2) * UNIT_ROUNDOFF
                        * Math.sqrt(concepts.squaredNorms()[s] * concepts.squaredNorms()[j]);
                double error = Math.abs(row[j] * step - exact);
                assertTrue(error <= bound, "G[" + s + "][" + j + "] = " + row[j] * step + " must be within " + bound
                        + " of " + exact);
                worstRatio = Math.max(worstRatio, error / bound);
            }
        }
        assertTrue(worstRatio > 0.05, "the bound should not be absurdly loose: worst error / bound " + worstRatio);
    }

    @Test
    void refreshedCorrelationsAreWithinTheReturnedBound() {
        int c = concepts.count();
        GramCorrelations refresh = new GramCorrelations(concepts, gram);
        int checkedSupports = 0;
        for (float[] targetRow : PROBLEM.targets) {
            for (double l1 : new double[] {0.05, 0.2}) {
                double[] z = DictionaryMath.widen(targetRow);
                WorkingSetProblem problem = new WorkingSetProblem(concepts.rows(), concepts.squaredNorms(), z, l1);
                for (int j : largestCorrelations(z, 24)) {
                    problem.add(new int[] {j}, new double[] {EXACT.dot(concepts.rows()[j], z)}, 1);
                }
                problem.solve(1e-10, 10_000);
                int positive = 0;
                for (int i = 0; i < problem.size(); i++) {
                    positive += problem.weight(i) > 0 ? 1 : 0;
                }
                checkedSupports += positive >= 2 ? 1 : 0;
                float[] targetCorr = correlator.correlate(targetRow.clone(), 1);
                float[] out = new float[c];
                double bound = refresh.into(out, targetCorr, 0, problem, Math.sqrt(DictionaryMath.dot(z, z)));
                double[] r = new double[z.length];
                problem.residualInto(r);
                double worst = 0;
                for (int j = 0; j < c; j++) {
                    double error = Math.abs(out[j] - EXACT.dot(concepts.rows()[j], r));
                    assertTrue(error <= bound, "C r of concept " + j + " must be within the bound " + bound + ": " + error);
                    worst = Math.max(worst, error);
                }
                assertTrue(bound < 1e-2, "the bound must be useful (< 1e-2): " + bound);
                assertTrue(worst > 0, "the float refresh should differ somewhere from the exact values");
            }
        }
        assertTrue(checkedSupports >= 6, "most cases must have a support of two or more concepts: " + checkedSupports);
    }

    private static int[] largestCorrelations(double[] z, int count) {
        int c = concepts.count();
        Integer[] order = new Integer[c];
        double[] values = new double[c];
        for (int j = 0; j < c; j++) {
            order[j] = j;
            values[j] = EXACT.dot(concepts.rows()[j], z);
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        int[] top = new int[count];
        for (int m = 0; m < count; m++) {
            top[m] = order[m];
        }
        return top;
    }
}
