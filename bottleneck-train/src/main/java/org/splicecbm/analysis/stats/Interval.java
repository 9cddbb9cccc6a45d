package org.splicecbm.analysis.stats;

/** A two-sided confidence interval {@code [low, high]}. */
public record Interval(double low, double high) {
    /** The two-sided 95% standard-normal quantile, {@code Phi^-1(0.975)}. */
    public static final double Z95 = 1.959963984540054;

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
