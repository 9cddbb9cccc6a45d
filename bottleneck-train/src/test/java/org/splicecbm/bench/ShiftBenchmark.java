package org.splicecbm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.splicecbm.analysis.shift.ShiftAnalysis;
import org.splicecbm.analysis.shift.ShiftResult;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;

/**
 * Time of {@code splice shift}'s analysis at SpLiCE scale: two sets of {@code rows} images over 10,000 concepts,
 * about 22 active concepts per image (the solver benchmark's mean L0 at l1 0.25) drawn from a Zipf-like
 * popularity, with and without the permutation global test. Args: rows per set (default 10000), permutations (199).
 */
public final class ShiftBenchmark {
    static final int CONCEPTS = 10_000;
    static final int L0 = 22;

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int permutations = args.length > 1 ? Integer.parseInt(args[1]) : 199;
        SplittableRandom random = new SplittableRandom(42);
        double[] cumulative = zipf();
        FeatureSet a = draw(random, cumulative, rows);
        FeatureSet b = draw(random, cumulative, rows);
        for (int p : new int[] {0, permutations}) {
            ShiftAnalysis analysis = ShiftAnalysis.builder().optPermutations(p).build();
            analysis.run("a", a, "b", b); // warm-up
            long start = System.nanoTime();
            ShiftResult r = analysis.run("a", a, "b", b);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d vs %d images, %d concepts, mean L0 %.1f, %d tested, %d permutations: %.2f s%n",
                    rows, rows, CONCEPTS, r.meanL0Reference(), r.concepts().size(), p, seconds);
        }
    }

    private static double[] zipf() {
        double[] c = new double[CONCEPTS];
        double sum = 0;
        for (int i = 0; i < CONCEPTS; i++) {
            sum += 1.0 / (i + 10);
            c[i] = sum;
        }
        for (int i = 0; i < CONCEPTS; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static FeatureSet draw(SplittableRandom random, double[] cumulative, int rows) {
        List<Float> data = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        long[] indptr = new long[rows + 1];
        for (int r = 0; r < rows; r++) {
            int[] picked = random.ints(L0 * 2L).map(x -> -1).toArray();
            int n = 0;
            while (n < L0) {
                int c = Arrays.binarySearch(cumulative, random.nextDouble());
                c = Math.min(CONCEPTS - 1, c < 0 ? -c - 1 : c);
                boolean seen = false;
                for (int k = 0; k < n; k++) {
                    seen |= picked[k] == c;
                }
                if (!seen) {
                    picked[n++] = c;
                }
            }
            int[] row = Arrays.copyOf(picked, n);
            Arrays.sort(row);
            for (int c : row) {
                indices.add(c);
                data.add((float) (0.01 + 0.1 * random.nextDouble()));
            }
            indptr[r + 1] = indices.size();
        }
        float[] d = new float[data.size()];
        int[] ix = new int[indices.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = data.get(i);
            ix[i] = indices.get(i);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < CONCEPTS; c++) {
            names.add("c" + c);
        }
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "bench", "bench", CONCEPTS, 0.25, "bench", 1e-6,
                "bench", "bench", "test", rows, L0, 0.8, "2026-01-01T00:00:00Z", "x", "y", List.of());
        return new FeatureSet(new CsrMatrix(rows, CONCEPTS, d, ix, indptr), new long[rows], names, meta);
    }
}
