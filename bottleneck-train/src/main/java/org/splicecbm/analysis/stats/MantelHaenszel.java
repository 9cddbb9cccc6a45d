package org.splicecbm.analysis.stats;

/**
 * The Cochran-Mantel-Haenszel test of a common 2x2 association across strata (here: reference vs current
 * set x concept active vs not, one table per class), without continuity correction: a change in class mix
 * alone does not move it. Strata with fewer than two images carry no information and are left out.
 */
public final class MantelHaenszel {
    private double observed;
    private double expected;
    private double variance;

    /** Adds one stratum: {@code activeRef} of {@code nRef} reference images and {@code activeCur} of {@code nCur} current ones. */
    public MantelHaenszel add(long activeRef, long nRef, long activeCur, long nCur) {
        double n = nRef + nCur;
        if (nRef == 0 || nCur == 0 || n < 2) {
            return this;
        }
        double active = activeRef + activeCur;
        observed += activeCur;
        expected += nCur * active / n;
        variance += nRef * (double) nCur * active * (n - active) / (n * n * (n - 1));
        return this;
    }

    /** The chi-squared (1 df) statistic; 0 when no stratum has variation. */
    public double statistic() {
        return variance <= 0 ? 0 : (observed - expected) * (observed - expected) / variance;
    }

    /** Two-sided p-value. */
    public double pValue() {
        return Normal.twoSidedP(Math.sqrt(statistic()));
    }
}
