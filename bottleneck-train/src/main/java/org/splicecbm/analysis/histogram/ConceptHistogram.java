package org.splicecbm.analysis.histogram;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.analysis.stats.MannWhitney;
import org.splicecbm.analysis.stats.TwoProportions;

/**
 * The histogram study: per class the mean weights of the chosen concepts in shared bins (20 equal bins from
 * the smallest to the largest value over all classes, NumPy's {@code histogram_bin_edges(x, 20)}, as seaborn's
 * {@code histplot(hue=...)} draws them, last bin closed), and between every pair of classes a test of the
 * active share (pooled two-proportion z-test) and of the weights (Mann-Whitney U).
 *
 * @param edges  {@code bins + 1} bin edges
 * @param counts counts[class][bin]
 */
public record ConceptHistogram(List<ClassWeights> classes, double[] edges, long[][] counts, List<PairTest> tests) {
    public static final int BINS = 20;

    /** A test between two classes. */
    public record PairTest(String first, String second, TwoProportions activeShares, MannWhitney weights) {}

    public static ConceptHistogram of(List<ClassWeights> classes) {
        for (ClassWeights c : classes) {
            if (c.meanWeights().length == 0) {
                throw new IllegalArgumentException("class " + c.className() + " has no images in the splits used;"
                        + " choose classes with images (--classes) or other splits (--splits)");
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ClassWeights c : classes) {
            for (double w : c.meanWeights()) {
                min = Math.min(min, w);
                max = Math.max(max, w);
            }
        }
        if (min == max) { // NumPy widens a degenerate range by 0.5 on each side
            min -= 0.5;
            max += 0.5;
        }
        double[] edges = new double[BINS + 1];
        double step = (max - min) / BINS;
        for (int i = 0; i < BINS; i++) {
            edges[i] = min + i * step; // np.linspace
        }
        edges[BINS] = max;
        long[][] counts = new long[classes.size()][BINS];
        for (int k = 0; k < classes.size(); k++) {
            for (double w : classes.get(k).meanWeights()) {
                counts[k][bin(w, edges)]++;
            }
        }
        return new ConceptHistogram(classes, edges, counts, pairTests(classes));
    }

    /** NumPy's bin search: the scaled index, corrected against the edges themselves. */
    private static int bin(double w, double[] edges) {
        double first = edges[0];
        int b = (int) Math.floor((w - first) * (BINS / (edges[BINS] - first)));
        b = Math.min(BINS - 1, Math.max(0, b));
        if (w < edges[b]) {
            b--;
        } else if (b < BINS - 1 && w >= edges[b + 1]) {
            b++;
        }
        return b;
    }

    private static List<PairTest> pairTests(List<ClassWeights> classes) {
        List<PairTest> tests = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            for (int j = i + 1; j < classes.size(); j++) {
                ClassWeights a = classes.get(i);
                ClassWeights b = classes.get(j);
                float[] na = a.nonzero();
                float[] nb = b.nonzero();
                tests.add(new PairTest(a.className(), b.className(), new TwoProportions(a.active(), b.active()),
                        MannWhitney.test(na, a.meanWeights().length - na.length, nb, b.meanWeights().length - nb.length)));
            }
        }
        return tests;
    }
}
