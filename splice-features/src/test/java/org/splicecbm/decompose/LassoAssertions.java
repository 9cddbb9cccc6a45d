package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.splicecbm.store.CsrMatrix;

/** Optimality checks of solver output, computed independently in double precision. */
final class LassoAssertions {
    private LassoAssertions() {}

    static double[] row(CsrMatrix weights, int i) {
        float[] dense = weights.denseRow(i);
        double[] out = new double[dense.length];
        for (int j = 0; j < dense.length; j++) {
            out[j] = dense[j];
        }
        return out;
    }

    /**
     * Every weight >= 0, columns increasing, and the KKT conditions of the nonnegative lasso:
     * {@code g_j = l1 - 2 c_j.r >= -tol} for all j and {@code |g_j| <= tol} where w_j > 0.
     */
    static void assertOptimal(float[][] dictionary, float[] target, CsrMatrix weights, int i, double l1, double tol) {
        for (long p = weights.indptr()[i]; p < weights.indptr()[i + 1]; p++) {
            assertTrue(weights.data()[(int) p] > 0, "stored weight must be positive in row " + i);
            if (p > weights.indptr()[i]) {
                assertTrue(weights.indices()[(int) p] > weights.indices()[(int) p - 1], "columns must increase");
            }
        }
        double[] w = row(weights, i);
        double[] r = ReferenceNonnegativeLasso.residual(dictionary, target, w);
        for (int j = 0; j < dictionary.length; j++) {
            double g = l1 - 2 * ReferenceNonnegativeLasso.dot(dictionary[j], r);
            assertTrue(g >= -tol, "KKT: gradient " + g + " < -" + tol + " at zero concept " + j + " of row " + i);
            if (w[j] > 0) {
                assertEquals(0, g, tol, "KKT: gradient on the support, concept " + j + " of row " + i);
            }
        }
    }
}
