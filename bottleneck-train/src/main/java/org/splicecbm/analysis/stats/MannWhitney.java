package org.splicecbm.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Mann-Whitney U test, two-sided, by the normal approximation with tie correction and continuity
 * correction: SciPy's {@code mannwhitneyu(x, y, method="asymptotic")}. Concept weights are mostly
 * zero, so each sample is given as its nonzero values plus a count of zeros; a block of tied zeros
 * costs nothing.
 *
 * @param u      U statistic of the first sample (SciPy's {@code statistic})
 * @param pValue two-sided p-value
 */
public record MannWhitney(double u, double pValue) {

    /** Tests {@code x} (its values plus {@code zerosX} zeros) against {@code y} (plus {@code zerosY} zeros). */
    public static MannWhitney test(float[] x, int zerosX, float[] y, int zerosY) {
        long n1 = x.length + (long) zerosX;
        long n2 = y.length + (long) zerosY;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value, found " + n1 + " and " + n2);
        }
        Entry[] entries = entries(x, zerosX, y, zerosY);
        double rankSumX = 0;
        double tieTerm = 0;
        long below = 0;
        for (Entry e : entries) {
            long t = e.inX + e.inY;
            double meanRank = below + (t + 1) / 2.0;
            rankSumX += e.inX * meanRank;
            tieTerm += (double) t * t * t - t;
            below += t;
        }
        double n = n1 + n2;
        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;
        double u = Math.max(u1, (double) n1 * n2 - u1);
        double mu = n1 * (double) n2 / 2.0;
        double sigma = Math.sqrt(n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1))));
        double p = sigma == 0 ? 1.0 : Math.min(1.0, Normal.twoSidedP((u - mu - 0.5) / sigma));
        return new MannWhitney(u1, p);
    }

    private record Entry(long inX, long inY) {}

    /** Distinct values in increasing order with their counts per sample (the zeros are one sentinel slot at the end). */
    private static Entry[] entries(float[] x, int zerosX, float[] y, int zerosY) {
        float[] values = new float[x.length + y.length + 1];
        for (int i = 0; i < x.length; i++) {
            values[i] = x[i] + 0f; // -0 and +0 tie
        }
        for (int i = 0; i < y.length; i++) {
            values[x.length + i] = y[i] + 0f;
        }
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(values[a], values[b]));
        List<Entry> out = new ArrayList<>();
        float previous = Float.NaN;
        long inX = 0;
        long inY = 0;
        for (int i : order) {
            if (Float.isNaN(values[i])) {
                throw new IllegalArgumentException("weights must be numbers, found NaN");
            }
            if (inX + inY > 0 && Float.compare(values[i], previous) != 0) {
                out.add(new Entry(inX, inY));
                inX = 0;
                inY = 0;
            }
            previous = values[i];
            boolean zeros = i == values.length - 1;
            inX += zeros ? zerosX : i < x.length ? 1 : 0;
            inY += zeros ? zerosY : i >= x.length ? 1 : 0;
        }
        if (inX + inY > 0) {
            out.add(new Entry(inX, inY));
        }
        return out.toArray(Entry[]::new);
    }
}
