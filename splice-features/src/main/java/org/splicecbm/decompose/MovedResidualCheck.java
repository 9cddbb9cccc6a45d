package org.splicecbm.decompose;

/**
 * Exact correlations for the concepts a moved residual may push over the KKT limit, instead of a
 * new Gram refresh or dictionary product. A round scans float32 correlations with the residual
 * {@code r_old} it started from, each within {@code e} of the exact value; after the round's
 * working-set solve the residual is {@code r_new}, and for every concept
 * {@code c_j . r_new <= corr_j + e + ||c_j|| ||r_new - r_old||}. Only concepts whose bound reaches
 * {@code l1 / 2} can violate the KKT conditions or hold the maximum correlation above it; if they
 * are at most {@code cap}, their exact correlations (and the working set's) give a rigorous
 * maximum for the duality gap ({@link DualGap}: any upper bound gives a feasible dual point) and,
 * if the row is not yet optimal, its next candidate pool. As the residual keeps moving the set
 * grows, and past {@code cap} the row takes a fresh round.
 */
final class MovedResidualCheck {
    private final ConceptRows concepts;
    private final int cap;
    private long exactDots;

    MovedResidualCheck(ConceptRows concepts, int cap) {
        this.concepts = concepts;
        this.cap = cap;
    }

    long exactDots() {
        return exactDots;
    }

    /**
     * @param floatError the scan's bound on the error of each float32 correlation with {@code roundStart}
     * @param limit      {@code l1 / 2}
     * @return the exact correlations, or null if more than {@code cap} concepts would need one
     */
    Exact check(CorrelationScan scan, WorkingSetProblem problem, double[] roundStart, double[] residual,
                double floatError, double limit) {
        double shift = 0;
        for (int k = 0; k < residual.length; k++) {
            double dk = residual[k] - roundStart[k];
            shift += dk * dk;
        }
        int[] near = scan.atLeast(limit - floatError - concepts.maxNorm() * Math.sqrt(shift), cap);
        if (near == null) {
            return null;
        }
        int[] ids = new int[near.length + problem.size()];
        int n = 0;
        for (int j : near) {
            if (!problem.contains(j)) {
                ids[n++] = j;
            }
        }
        int outside = n;
        for (int i = 0; i < problem.size(); i++) {
            ids[n++] = problem.member(i);
        }
        double[] values = new double[n];
        SolverKernels.BEST.dots(concepts.rows(), ids, n, residual, values);
        exactDots += n;
        return new Exact(java.util.Arrays.copyOf(ids, n), values, outside, limit);
    }

    /**
     * Exact correlations with the current residual: {@code ids[0 .. outside)} outside the working set,
     * then its members. Every concept not listed is below {@code limit}.
     */
    record Exact(int[] ids, double[] values, int outside, double limit) {
        /** An upper bound on {@code max_j c_j . r} over all concepts. */
        double max() {
            double max = limit; // unlisted concepts lie below it
            for (double v : values) {
                max = Math.max(max, v);
            }
            return max;
        }

        /**
         * Positions (into {@code ids} and {@code values}) of the concepts outside the working set whose
         * correlation exceeds {@code limit + tolerance / 2}, at most {@code count}, largest first (ties: lower id).
         */
        int[] violators(int count, double tolerance) {
            Integer[] found = new Integer[outside];
            int n = 0;
            for (int m = 0; m < outside; m++) {
                if (2 * limit - 2 * values[m] < -tolerance) {
                    found[n++] = m;
                }
            }
            java.util.Arrays.sort(found, 0, n, (a, b) -> values[a] != values[b]
                    ? Double.compare(values[b], values[a]) : Integer.compare(ids[a], ids[b]));
            int[] top = new int[Math.min(count, n)];
            for (int k = 0; k < top.length; k++) {
                top[k] = found[k];
            }
            return top;
        }
    }
}
