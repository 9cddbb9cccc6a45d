package org.splicecbm.analysis.stats;

import java.util.Arrays;

/**
 * Benjamini-Hochberg (1995) adjusted p-values ("q-values", R's {@code p.adjust(p, "BH")}): rejecting every
 * hypothesis with {@code q <= alpha} controls the false-discovery rate at {@code alpha} for independent or
 * positively dependent tests.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /** The adjusted p-values, in the order of {@code pValues}. */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], found " + pValues[i] + " at " + i);
            }
            running = Math.min(running, pValues[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
