package org.splicecbm.decompose;

/**
 * What a {@link NonnegativeLasso#solve} call cost.
 *
 * @param rows                  targets solved
 * @param productRows           rows multiplied with the whole dictionary (one per row and round, padding excluded)
 * @param maxRounds             most working-set rounds (dictionary products) any row needed
 * @param exactDotProducts      length-d double-precision dot products (Gram entries, exact KKT checks)
 * @param subproblemSteps       active-set steps on working sets (coordinate sweeps where that fallback ran), all rows together
 * @param meanWorkingSetSize    mean final working-set size
 * @param productNanos          wall time in dictionary products
 * @param subproblemNanos       wall time in the per-row work (screening, subproblems, gaps)
 * @param certifiedWithoutProduct rows certified without a final dictionary product or Gram refresh: by the
 *                              exact correlations of the few concepts the residual's last move could push
 *                              over l1/2, and a rigorous bound on all others
 * @param gramMatrix            whether rounds after the first product used the Gram matrix
 * @param gramUpdates           refreshes of a row's correlations from Gram rows ({@code C z - G_{:,S} w_S})
 * @param gramRows              Gram rows (length c) read by those refreshes, all rows together
 *
 * <p>On an l1 path with the Gram matrix, the one product per target is counted at the first
 * (largest) l1; the other values need none.
 */
public record SolveStats(int rows, long productRows, int maxRounds, long exactDotProducts,
                         long subproblemSteps, double meanWorkingSetSize, long productNanos,
                         long subproblemNanos, int certifiedWithoutProduct, boolean gramMatrix,
                         long gramUpdates, long gramRows) {

    /** Full dictionary products per target (the main cost; 1 is the minimum possible). */
    public double productsPerRow() {
        return rows == 0 ? 0 : (double) productRows / rows;
    }

    /**
     * Dictionary passes per target including the Gram refreshes, each Gram row counted as
     * {@code 1/d} of a pass (c multiply-adds against the c d of a pass).
     */
    public double passesPerRow(int dim) {
        return rows == 0 ? 0 : (productRows + (double) gramRows / dim) / rows;
    }
}
