package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** Every answer of {@link CorrelationScan} equals a value-by-value brute-force scan. */
class CorrelationScanTest {

    @Test
    void answersEqualBruteForce() {
        Random random = new Random(11);
        List<Integer> counts = new ArrayList<>();
        for (int n = 1; n <= 70; n++) {
            counts.add(n);
        }
        counts.addAll(List.of(127, 128, 129, 200, 1000, 10000));
        int trial = 0;
        for (int count : counts) {
            for (int repeat = 0; repeat < (count > 1000 ? 8 : 3); repeat++) {
                check(random, count, trial++);
            }
        }
    }

    private static void check(Random random, int count, int trial) {
        int offset = random.nextInt(3);
        float[] corr = new float[offset + count + random.nextInt(3)];
        Arrays.fill(corr, Float.NaN); // outside the scanned range: must never be read
        boolean ties = trial % 2 == 0;
        for (int j = 0; j < count; j++) {
            double v = random.nextGaussian() * 0.1 + (random.nextInt(50) == 0 ? 0.3 : 0); // a few spikes
            corr[offset + j] = ties ? Math.round(v * 64) / 64f : (float) v;
        }
        double threshold = trial % 3 == 0 ? corr[offset + random.nextInt(count)] // a value equal to the threshold
                : random.nextGaussian() * 0.15;
        CorrelationScan scan = CorrelationScan.of(corr, offset, count, threshold);
        float[] values = Arrays.copyOfRange(corr, offset, offset + count);
        String what = "count " + count + ", trial " + trial + ", threshold " + threshold;

        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        assertEquals(max, scan.max, "max, " + what);
        double nearWindow = random.nextDouble() * 0.1;
        double maxValue = scan.max;
        assertSelection(values, v -> v >= maxValue - nearWindow, scan.nearMax(nearWindow), "nearMax, " + what);

        double lowest = trial % 4 == 0 ? values[random.nextInt(count)] : random.nextGaussian() * 0.15;
        int[] expected = indices(values, v -> v >= lowest);
        for (int cap : new int[] {0, 1, expected.length - 1, expected.length, expected.length + 1, count}) {
            int[] actual = scan.atLeast(lowest, Math.max(0, cap));
            if (expected.length > Math.max(0, cap)) {
                assertNull(actual, "atLeast must be null when more than cap " + cap + ", " + what);
            } else {
                assertArrayEquals(expected, actual, "atLeast(lowest " + lowest + ", cap " + cap + "), " + what);
            }
        }

        WorkingSetProblem problem = new WorkingSetProblem(new float[count][1], new double[count], new double[1], 1.0);
        int members = random.nextInt(Math.min(count, 6) + 1);
        for (int m = 0; m < members; m++) {
            int concept = m == 0 ? argMax(values) : random.nextInt(count); // often exclude the largest
            if (!problem.contains(concept)) {
                problem.add(new int[] {concept}, new double[] {0.0}, 1);
            }
        }
        for (int limit : new int[] {1, 3, 17, 100}) {
            assertArrayEquals(bruteTop(values, threshold, limit, problem), scan.topAbove(limit, problem),
                    "topAbove(" + limit + ") with " + problem.size() + " excluded, " + what);
        }
    }

    @Test
    void kthLargestEqualsSorting() {
        Random random = new Random(12);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(trial % 10 == 0 ? 500 : 20);
            float[] values = new float[n];
            for (int k = 0; k < n; k++) {
                values[k] = random.nextInt(trial % 2 == 0 ? 4 : 1000) - 2f; // many duplicates on even trials
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertEquals(sorted[n - 1 - k], CorrelationScan.kthLargest(values.clone(), k),
                    "kthLargest(" + k + ") of " + n + " values must equal the sorted value, trial " + trial);
        }
    }

    private static void assertSelection(float[] values, DoublePredicate keep, CorrelationScan.Selection actual,
                                        String what) {
        int[] expected = indices(values, keep);
        assertArrayEquals(expected, actual.indices(), what + ": the concepts, in index order");
        float[] expectedValues = new float[expected.length];
        for (int m = 0; m < expected.length; m++) {
            expectedValues[m] = values[expected[m]];
        }
        assertArrayEquals(expectedValues, actual.values(), what + ": their values");
    }

    private static int[] indices(float[] values, DoublePredicate keep) {
        List<Integer> ids = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            if (keep.test(values[j])) {
                ids.add(j);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] bruteTop(float[] values, double threshold, int limit, WorkingSetProblem exclude) {
        List<Integer> above = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            if (values[j] > threshold && !exclude.contains(j)) {
                above.add(j);
            }
        }
        above.sort(Comparator.<Integer>comparingDouble(j -> -values[j]).thenComparingInt(j -> j));
        return above.stream().limit(limit).mapToInt(Integer::intValue).toArray();
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            best = values[j] > values[best] ? j : best;
        }
        return best;
    }
}
