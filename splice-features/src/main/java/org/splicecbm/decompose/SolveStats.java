package org.splicecbm.decompose;

/**
 * What a {@link NonnegativeLasso#solve} call cost.
 *
 * @param rows                  targets solved
 * @param productRows           rows multiplied with the whole dictionary (one per row and round, padding excluded)
 * @param maxRounds             most working-set rounds (dictionary products) any row needed
 * @param exactDotProducts      length-d double-precision dot products (Gram entries, exact KKT checks)
 * @param coordinateSweeps      coordinate-descent passes over working sets, all rows together
 * @param meanWorkingSetSize    mean final working-set size
 * @param productNanos          wall time in dictionary products
 * @param subproblemNanos       wall time in the per-row work (screening, subproblems, gaps)
 * @param certifiedWithoutProduct rows whose last round was certified by the bound on unrecomputed
 *                              correlations, without a final dictionary product
 */
public record SolveStats(int rows, long productRows, int maxRounds, long exactDotProducts,
                         long coordinateSweeps, double meanWorkingSetSize, long productNanos,
                         long subproblemNanos, int certifiedWithoutProduct) {

    /** Full dictionary products per target (the main cost; 1 is the minimum possible). */
    public double productsPerRow() {
        return rows == 0 ? 0 : (double) productRows / rows;
    }
}
