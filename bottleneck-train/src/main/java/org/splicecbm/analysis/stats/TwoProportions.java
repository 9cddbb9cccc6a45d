package org.splicecbm.analysis.stats;

/**
 * Compares two binomial shares: the pooled two-proportion z-test (equal to Pearson's chi-squared test
 * of the 2x2 table without continuity correction, SciPy's {@code chi2_contingency(correction=False)}),
 * and Newcombe's hybrid score interval for {@code current - reference} (Newcombe 1998, method 10),
 * built from the two Wilson intervals.
 */
public record TwoProportions(Proportion reference, Proportion current) {

    /** {@code current - reference}. */
    public double difference() {
        return current.estimate() - reference.estimate();
    }

    /** The z statistic of the pooled test; 0 when both shares are 0 or both are 1 (no evidence either way). */
    public double z() {
        double n1 = reference.trials();
        double n2 = current.trials();
        double pooled = (reference.successes() + current.successes()) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
        return variance <= 0 ? 0 : difference() / Math.sqrt(variance);
    }

    /** Two-sided p-value of the pooled z-test. */
    public double pValue() {
        return Normal.twoSidedP(z());
    }

    /** Newcombe's 95% interval for the difference. */
    public Interval differenceInterval95() {
        Interval r = reference.wilson95();
        Interval c = current.wilson95();
        double pr = reference.estimate();
        double pc = current.estimate();
        double d = pc - pr;
        double low = d - Math.sqrt(sq(pc - c.low()) + sq(r.high() - pr));
        double high = d + Math.sqrt(sq(c.high() - pc) + sq(pr - r.low()));
        return new Interval(Math.max(-1, low), Math.min(1, high));
    }

    private static double sq(double x) {
        return x * x;
    }
}
