package org.splicecbm.analysis.shift;

import org.splicecbm.analysis.stats.MantelHaenszel;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.analysis.stats.TwoProportions;

/**
 * The chi-squared (1 df) statistic of one concept's prevalence change for any labelling of the pooled rows
 * as current ({@code true}) or reference: the pooled two-proportion z squared, or, stratified by class, the
 * Cochran-Mantel-Haenszel statistic. Class sizes per set are fixed by within-class relabelling.
 */
final class PrevalenceStatistic {
    private final PooledSets pool;
    private final boolean stratified;
    private final long[] referenceByClass;
    private final long[] currentByClass;

    PrevalenceStatistic(PooledSets pool, boolean stratified) {
        this.pool = pool;
        this.stratified = stratified;
        int k = pool.classes();
        referenceByClass = new long[k];
        currentByClass = new long[k];
        for (int r = 0; r < pool.rows(); r++) {
            (pool.isCurrent(r) ? currentByClass : referenceByClass)[pool.labels[r]]++;
        }
    }

    boolean stratified() {
        return stratified;
    }

    double chiSquare(int concept, boolean[] current) {
        return stratified ? mantelHaenszel(concept, current).statistic() : Math.pow(unstratified(concept, current).z(), 2);
    }

    TwoProportions unstratified(int concept, boolean[] current) {
        long activeCurrent = 0;
        for (int row : pool.activeRows[concept]) {
            activeCurrent += current[row] ? 1 : 0;
        }
        long active = pool.activeRows[concept].length;
        return new TwoProportions(new Proportion(active - activeCurrent, pool.referenceRows),
                new Proportion(activeCurrent, pool.currentRows));
    }

    MantelHaenszel mantelHaenszel(int concept, boolean[] current) {
        long[][] active = activeByClass(concept, current);
        MantelHaenszel test = new MantelHaenszel();
        for (int k = 0; k < referenceByClass.length; k++) {
            test.add(active[0][k], referenceByClass[k], active[1][k], currentByClass[k]);
        }
        return test;
    }

    /** [0][k]: active reference rows of class k, [1][k]: active current rows. */
    long[][] activeByClass(int concept, boolean[] current) {
        long[][] active = new long[2][referenceByClass.length];
        for (int row : pool.activeRows[concept]) {
            active[current[row] ? 1 : 0][pool.labels[row]]++;
        }
        return active;
    }

    long[] referenceByClass() {
        return referenceByClass;
    }

    long[] currentByClass() {
        return currentByClass;
    }
}
