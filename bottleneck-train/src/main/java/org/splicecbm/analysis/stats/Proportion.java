package org.splicecbm.analysis.stats;

/**
 * A binomial share: {@code successes} of {@code trials}, with the Wilson score interval (Wilson 1927),
 * which keeps its coverage near 0 and 1 where the Wald interval fails.
 */
public record Proportion(long successes, long trials) {
    public Proportion {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, found " + successes + " of " + trials);
        }
    }

    /** The share, or NaN for no trials. */
    public double estimate() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** Wilson score interval at the two-sided normal quantile {@code z} (1.96 for 95%); [0, 1] for no trials. */
    public Interval wilson(double z) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double n = trials;
        double p = estimate();
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** The 95% Wilson interval. */
    public Interval wilson95() {
        return wilson(Interval.Z95);
    }
}
