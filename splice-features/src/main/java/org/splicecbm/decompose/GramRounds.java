package org.splicecbm.decompose;

/**
 * The working-set rounds of one row on Gram information only: after the one engine product
 * {@code C z} of its target, every round's correlations {@code C r} come from {@link GramCorrelations}
 * ({@code c |S|} work instead of a {@code c d} pass) with a rigorous error bound, so the row still stops
 * on a verified duality gap. Rows are independent, so threads and batching do not change a result.
 */
final class GramRounds {
    private final GramCorrelations correlations;
    private final SolverOptions options;

    GramRounds(GramCorrelations correlations, SolverOptions options) {
        this.correlations = correlations;
        this.options = options;
    }

    /**
     * Runs one row to convergence or {@code maxOuterIterations} rounds (the caller reports the latter).
     * {@code targetCorr[offset .. offset + c)} holds {@code C z}; {@code scratch} has c floats.
     */
    void run(RowSolve row, float[] targetCorr, int offset, float[] scratch) {
        for (int round = 1; !row.converged() && round <= options.maxOuterIterations(); round++) {
            double error;
            float[] corr;
            int at;
            if (row.problem().weightSum() == 0) {
                corr = targetCorr; // w = 0: the residual is the target
                at = offset;
                error = row.productError();
            } else {
                error = correlations.into(scratch, targetCorr, offset, row.problem(), row.targetNorm());
                row.countGramUpdate();
                corr = scratch;
                at = 0;
            }
            row.round(corr, at, error, options.relativeGapTolerance(), options.initialWorkingSet());
        }
    }
}
