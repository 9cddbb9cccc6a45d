package org.splicecbm.analysis.shift;

import org.splicecbm.analysis.stats.Interval;

/** One concept's nonzero weights, split into the reference and current sets, with mean-weight statistics over all images. */
record WeightSplit(float[] reference, float[] current) {

    static WeightSplit of(PooledSets pool, int concept) {
        int[] rows = pool.activeRows[concept];
        int inCurrent = 0;
        for (int r : rows) {
            inCurrent += pool.isCurrent(r) ? 1 : 0;
        }
        float[] ref = new float[rows.length - inCurrent];
        float[] cur = new float[inCurrent];
        int i = 0;
        int j = 0;
        for (int k = 0; k < rows.length; k++) {
            if (pool.isCurrent(rows[k])) {
                cur[j++] = pool.weights[concept][k];
            } else {
                ref[i++] = pool.weights[concept][k];
            }
        }
        return new WeightSplit(ref, cur);
    }

    double meanReference(long n) {
        return sum(reference, 1) / n;
    }

    double meanCurrent(long n) {
        return sum(current, 1) / n;
    }

    /** Welch's normal interval for {@code mean(current) - mean(reference)}, zeros included. */
    Interval welchInterval95(long nRef, long nCur) {
        double d = meanCurrent(nCur) - meanReference(nRef);
        double se = Math.sqrt(variance(reference, nRef) / nRef + variance(current, nCur) / nCur);
        return new Interval(d - Interval.Z95 * se, d + Interval.Z95 * se);
    }

    /** Sample variance (n - 1) of the nonzeros plus n - nonzeros zeros; 0 for a single image. */
    private static double variance(float[] nonzero, long n) {
        if (n < 2) {
            return 0;
        }
        double mean = sum(nonzero, 1) / n;
        double squares = sum(nonzero, 2);
        return Math.max(0, (squares - n * mean * mean) / (n - 1));
    }

    private static double sum(float[] values, int power) {
        double s = 0;
        for (float v : values) {
            s += power == 1 ? v : (double) v * v;
        }
        return s;
    }
}
