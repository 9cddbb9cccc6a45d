package org.splicecbm.decompose;

/**
 * An upper bound on {@code max_j c_j . r_new} for a residual that moved within a round, from the
 * round's float32 correlations with the old residual instead of a new product. For a concept the
 * scan did not keep, {@code c_j . r_new <= corr_j + floatError + ||c_j|| ||r_new - r_old||} with
 * {@code corr_j <= scan.maxNotAbove}; every other concept (working set, pool, the rest of the scan)
 * gets its exact value. Any upper bound gives a feasible dual scaling, so the gap stays a certificate.
 */
final class CorrelationBound {
    private final ConceptRows concepts;
    private long exactDots;

    CorrelationBound(ConceptRows concepts) {
        this.concepts = concepts;
    }

    long exactDots() {
        return exactDots;
    }

    /**
     * @param poolMax the largest exact correlation of pool members outside the working set
     * @return the bound, or +infinity when the unrecomputed concepts alone may exceed {@code limit}
     *         (then no exact work is spent)
     */
    double of(CorrelationScan scan, int[] pool, double poolMax, WorkingSetProblem problem, double[] roundStart,
              double[] residual, double floatError, double limit) {
        double shift = 0;
        for (int k = 0; k < residual.length; k++) {
            double dk = residual[k] - roundStart[k];
            shift += dk * dk;
        }
        double moved = floatError + concepts.maxNorm() * Math.sqrt(shift);
        if (scan.maxNotAboveAtLeast() + moved > limit) {
            return Double.POSITIVE_INFINITY; // decided from the block maxima alone
        }
        double outside = scan.maxNotAbove() + moved;
        if (outside > limit) {
            return Double.POSITIVE_INFINITY;
        }
        double upper = Math.max(outside, poolMax);
        for (int i = 0; i < problem.size(); i++) {
            upper = Math.max(upper, exact(problem.member(i), residual));
        }
        for (int j : scan.kept().indices()) {
            if (!problem.contains(j) && !contains(pool, j)) {
                upper = Math.max(upper, exact(j, residual));
            }
        }
        return upper;
    }

    private double exact(int concept, double[] residual) {
        exactDots++;
        return ExactDot.of(concepts.rows()[concept], residual);
    }

    private static boolean contains(int[] pool, int concept) {
        for (int j : pool) {
            if (j == concept) {
                return true;
            }
        }
        return false;
    }
}
