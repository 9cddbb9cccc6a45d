package org.splicecbm.decompose;

/**
 * The correlations {@code C r} of a residual {@code r = z - C_S^T w_S} with every concept, from the
 * target's correlations {@code C z} (one engine product per image) and the precomputed Gram rows
 * {@code G_{s,:} = c_s C^T} of the support: {@code C r = C z - sum_s w_s G_{s,:}}. That costs
 * {@code c |S|} multiply-adds instead of a {@code c d} dictionary pass.
 *
 * <p>The values are float32 and come with a rigorous bound on their error, used exactly like the
 * engine product's bound (candidates for the maximum are recomputed in double, {@link SolverKernels#dots}):
 * <ul>
 *   <li>{@code C z}: {@code (d + 2) u ||c_j|| ||z||} (any summation order; z rounded to float);</li>
 *   <li>each Gram entry: {@code (d + 2) u ||c_j|| ||c_s||} (the float32 product), plus half a fixed-point
 *       step ({@link GramMatrix}), weighted by {@code w_s};</li>
 *   <li>rounding {@code w_s step} to float, the products and the {@code |S|} float updates: at most
 *       {@code (|S| + 4) u} times the largest partial sum, {@code ||c_j|| ||z|| + (max||c||^2 + step) sum w}.</li>
 * </ul>
 * Every term is doubled for safety, as {@link ConceptRows} does.
 */
final class GramCorrelations {
    private static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;
    private static final SolverKernels KERNELS = SolverKernels.BEST;

    private final ConceptRows concepts;
    private final GramMatrix gram;

    GramCorrelations(ConceptRows concepts, GramMatrix gram) {
        this.concepts = concepts;
        this.gram = gram;
    }

    /** The bound on the error of every value {@link #into} writes for the problem's current weights. */
    private double error(WorkingSetProblem problem, double targetNorm) {
        double weightSum = 0;
        int terms = 0;
        for (int i = 0; i < problem.size(); i++) {
            double w = problem.weight(i);
            if (w > 0) {
                weightSum += w;
                terms++;
            }
        }
        double maxNorm = concepts.maxNorm();
        double step = gram.step();
        double partialSums = maxNorm * targetNorm + (maxNorm * maxNorm + step) * weightSum;
        int dim = concepts.dimension();
        return 2 * (FLOAT_UNIT_ROUNDOFF * ((dim + 2) * partialSums + (terms + 4) * partialSums)
                + weightSum * step / 2);
    }

    /**
     * Writes {@code C r} for the problem's current weights into {@code out[0 .. c)}, from the target's
     * correlations {@code targetCorr[offset .. offset + c)}; returns the bound on the error of every value
     * ({@code targetNorm} is {@code ||z||}). Four Gram rows are subtracted per pass over
     * {@code out} (the updates of a value stay in the same order, so the result is the same as one row
     * per pass) to write and read the correlations a quarter as often; each Gram row is still read
     * whole, in order, which the hardware prefetcher needs (the matrix is far larger than the caches).
     */
    double into(float[] out, float[] targetCorr, int offset, WorkingSetProblem problem, double targetNorm) {
        int support = 0;
        float[] weights = new float[problem.size()];
        short[][] rows = new short[problem.size()][];
        for (int i = 0; i < problem.size(); i++) {
            double w = problem.weight(i);
            if (w > 0) {
                weights[support] = (float) (w * gram.step());
                rows[support++] = gram.row(problem.member(i));
            }
        }
        int c = concepts.count();
        KERNELS.subtractRows(out, targetCorr, offset, c, weights, rows, support);
        return error(problem, targetNorm);
    }
}
