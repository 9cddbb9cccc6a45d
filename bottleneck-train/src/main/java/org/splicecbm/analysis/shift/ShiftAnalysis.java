package org.splicecbm.analysis.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.splicecbm.analysis.stats.BenjaminiHochberg;
import org.splicecbm.analysis.stats.Interval;
import org.splicecbm.analysis.stats.MannWhitney;
import org.splicecbm.analysis.stats.TwoProportions;
import org.splicecbm.store.FeatureSet;

/**
 * What changed between a reference and a current SpLiCE feature set, in named concepts (the paper's
 * distribution-shift use, Bhalla et al., NeurIPS 2024, Sec. 6). Build with {@link #builder()}.
 *
 * <p>Only concepts active in at least {@code minActive} pooled images and inactive in at least as many are
 * tested (fewer cannot reach significance and would only dilute the Benjamini-Hochberg correction). The rule
 * looks at pooled counts only, which do not depend on which set an image came from, so filtering keeps the
 * false-discovery guarantee (Bourgon, Gentleman and Huber, PNAS 2010).
 */
public final class ShiftAnalysis {
    private final int minActive;
    private final boolean stratifyByClass;
    private final int permutations;
    private final long seed;

    private ShiftAnalysis(Builder b) {
        minActive = b.minActive;
        stratifyByClass = b.stratifyByClass;
        permutations = b.permutations;
        seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Compares {@code current} against {@code reference}; both must have the same provenance ({@link ProvenanceCheck}). */
    public ShiftResult run(String referenceName, FeatureSet reference, String currentName, FeatureSet current) {
        requireRows("--reference " + referenceName, reference);
        requireRows("--current " + currentName, current);
        ProvenanceCheck.requireSame(referenceName, reference, currentName, current);
        PooledSets pool = new PooledSets(reference, current);
        PrevalenceStatistic statistic = new PrevalenceStatistic(pool, stratifyByClass);
        boolean[] isCurrent = new boolean[pool.rows()];
        java.util.Arrays.fill(isCurrent, pool.referenceRows, pool.rows(), true);
        List<ConceptShift> rows = new ArrayList<>();
        List<Integer> tested = new ArrayList<>();
        for (int c = 0; c < pool.concepts.size(); c++) {
            long active = pool.activeRows[c].length;
            if (active >= minActive && pool.rows() - active >= minActive) {
                rows.add(conceptShift(pool, statistic, c, isCurrent));
                tested.add(c);
            }
        }
        rows = withQValues(rows);
        GlobalShiftTest.Outcome global = new GlobalShiftTest(pool, tested.stream().mapToInt(Integer::intValue).toArray(), statistic)
                .run(permutations, seed);
        return new ShiftResult(rows, pool.concepts.size() - rows.size(), minActive, stratifyByClass, pool.referenceRows,
                pool.currentRows, global, meanL0(reference), meanL0(current), reference.meta().meanCosine(), current.meta().meanCosine());
    }

    private static ConceptShift conceptShift(PooledSets pool, PrevalenceStatistic statistic, int c, boolean[] isCurrent) {
        TwoProportions raw = statistic.unstratified(c, isCurrent);
        WeightSplit weights = WeightSplit.of(pool, c);
        double difference = raw.difference();
        Interval differenceCi = raw.differenceInterval95();
        double p = raw.pValue();
        if (statistic.stratified()) {
            StandardisedDifference s = StandardisedDifference.of(statistic, c, isCurrent);
            difference = s.difference();
            differenceCi = s.interval95();
            p = statistic.mantelHaenszel(c, isCurrent).pValue();
        }
        MannWhitney mw = MannWhitney.test(weights.reference(), (int) (pool.referenceRows - weights.reference().length),
                weights.current(), (int) (pool.currentRows - weights.current().length));
        return new ConceptShift(pool.concepts.get(c), raw.reference().successes(), raw.current().successes(),
                raw.reference().estimate(), raw.current().estimate(), difference, differenceCi, p, Double.NaN,
                weights.meanReference(pool.referenceRows), weights.meanCurrent(pool.currentRows),
                weights.welchInterval95(pool.referenceRows, pool.currentRows), mw.pValue(), Double.NaN);
    }

    /** Adds q-values and ranks: smallest q first, then the largest absolute prevalence change. */
    private static List<ConceptShift> withQValues(List<ConceptShift> rows) {
        double[] q = BenjaminiHochberg.adjust(rows.stream().mapToDouble(ConceptShift::pValue).toArray());
        double[] qw = BenjaminiHochberg.adjust(rows.stream().mapToDouble(ConceptShift::weightPValue).toArray());
        List<ConceptShift> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(rows.get(i).withQValues(q[i], qw[i]));
        }
        out.sort(Comparator.comparingDouble(ConceptShift::qValue)
                .thenComparing(Comparator.comparingDouble((ConceptShift s) -> Math.abs(s.difference())).reversed())
                .thenComparing(ConceptShift::concept));
        return out;
    }

    private static double meanL0(FeatureSet set) {
        long nonzero = 0;
        for (float w : set.features().data()) {
            nonzero += w != 0f ? 1 : 0;
        }
        return (double) nonzero / set.features().rows();
    }

    private static void requireRows(String which, FeatureSet set) {
        if (set.features().rows() == 0) {
            throw new IllegalArgumentException(which + " has no images (0 rows); give a feature set with at least one image");
        }
    }

    /** Options of a shift analysis; defaults: min 10 active images, unstratified, 999 permutations, seed 0. */
    public static final class Builder {
        private int minActive = 10;
        private boolean stratifyByClass;
        private int permutations = 999;
        private long seed;

        public Builder optMinActive(int minActive) {
            if (minActive < 1) {
                throw new IllegalArgumentException("--min-active must be >= 1, found " + minActive);
            }
            this.minActive = minActive;
            return this;
        }

        public Builder optStratifyByClass(boolean stratify) {
            this.stratifyByClass = stratify;
            return this;
        }

        public Builder optPermutations(int permutations) {
            if (permutations < 0) {
                throw new IllegalArgumentException("--permutations must be >= 0, found " + permutations);
            }
            this.permutations = permutations;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public ShiftAnalysis build() {
            return new ShiftAnalysis(this);
        }
    }
}
