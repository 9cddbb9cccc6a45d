package org.splicecbm.analysis.shift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Did anything change at all? The statistic is the sum over tested concepts of each concept's chi-squared
 * prevalence statistic (pooled z squared, or Cochran-Mantel-Haenszel within classes); its null distribution
 * comes from relabelling images as reference or current at random (within classes when stratified), so the
 * dependence between concepts is kept. p = (1 + #{T_perm >= T}) / (1 + permutations), exact for any sample size.
 */
final class GlobalShiftTest {
    /** @param statistic observed T, {@code pValue} its permutation p-value from {@code permutations} relabellings (NaN for none) */
    public record Outcome(double statistic, double pValue, int permutations) {}

    private final PooledSets pool;
    private final int[] tested;
    private final PrevalenceStatistic statistic;

    GlobalShiftTest(PooledSets pool, int[] tested, PrevalenceStatistic statistic) {
        this.pool = pool;
        this.tested = tested;
        this.statistic = statistic;
    }

    Outcome run(int permutations, long seed) {
        boolean[] observed = new boolean[pool.rows()];
        for (int r = pool.referenceRows; r < observed.length; r++) {
            observed[r] = true;
        }
        double t = total(observed);
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> strata = strata();
        int atLeast = 0;
        boolean[] shuffled = observed.clone();
        for (int p = 0; p < permutations; p++) {
            for (int[] stratum : strata) {
                shuffleWithin(stratum, shuffled, random);
            }
            if (total(shuffled) >= t * (1 - 1e-12)) {
                atLeast++;
            }
        }
        return new Outcome(t, permutations == 0 ? Double.NaN : (1.0 + atLeast) / (1.0 + permutations), permutations);
    }

    private double total(boolean[] current) {
        double sum = 0;
        for (int c : tested) {
            sum += statistic.chiSquare(c, current);
        }
        return sum;
    }

    /** Rows that may swap labels: all of them, or each class on its own when stratified. */
    private List<int[]> strata() {
        if (!statistic.stratified()) {
            int[] all = new int[pool.rows()];
            java.util.Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < pool.classes(); k++) {
            byClass.add(new ArrayList<>());
        }
        for (int r = 0; r < pool.rows(); r++) {
            byClass.get(pool.labels[r]).add(r);
        }
        return byClass.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** Fisher-Yates over the labels of the rows in {@code stratum}. */
    private static void shuffleWithin(int[] stratum, boolean[] labels, SplittableRandom random) {
        for (int i = stratum.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean tmp = labels[stratum[i]];
            labels[stratum[i]] = labels[stratum[j]];
            labels[stratum[j]] = tmp;
        }
    }
}
