package org.splicecbm.analysis.shift;

import org.splicecbm.analysis.stats.Interval;

/**
 * A prevalence difference standardised over classes: {@code sum_k w_k (p_cur,k - p_ref,k)} with {@code w_k}
 * the pooled share of class k among classes present in both sets, so a change in class mix does not show
 * up as a concept change; Wald interval from the per-class binomial variances.
 */
record StandardisedDifference(double difference, double standardError) {

    static StandardisedDifference of(PrevalenceStatistic statistic, int concept, boolean[] isCurrent) {
        long[][] active = statistic.activeByClass(concept, isCurrent);
        long[] nRef = statistic.referenceByClass();
        long[] nCur = statistic.currentByClass();
        double total = 0;
        for (int k = 0; k < nRef.length; k++) {
            total += nRef[k] > 0 && nCur[k] > 0 ? nRef[k] + nCur[k] : 0;
        }
        if (total == 0) {
            throw new IllegalArgumentException("--stratify-by-class needs at least one class with images in both sets;"
                    + " the two sets share no class");
        }
        double difference = 0;
        double variance = 0;
        for (int k = 0; k < nRef.length; k++) {
            if (nRef[k] == 0 || nCur[k] == 0) {
                continue;
            }
            double w = (nRef[k] + nCur[k]) / total;
            double pr = (double) active[0][k] / nRef[k];
            double pc = (double) active[1][k] / nCur[k];
            difference += w * (pc - pr);
            variance += w * w * (pr * (1 - pr) / nRef[k] + pc * (1 - pc) / nCur[k]);
        }
        return new StandardisedDifference(difference, Math.sqrt(variance));
    }

    Interval interval95() {
        return new Interval(difference - Interval.Z95 * standardError, difference + Interval.Z95 * standardError);
    }
}
