package org.splicecbm.analysis.stats;

import org.apache.commons.math3.special.Erf;

/** Standard-normal tail probabilities, accurate far into the tails (via {@code erfc}, not {@code 1 - cdf}). */
public final class Normal {
    private Normal() {}

    /** {@code P(|Z| >= |z|)} for a standard normal Z. */
    public static double twoSidedP(double z) {
        if (Double.isNaN(z)) {
            return 1.0;
        }
        return Math.min(1.0, Erf.erfc(Math.abs(z) / Math.sqrt(2.0)));
    }
}
