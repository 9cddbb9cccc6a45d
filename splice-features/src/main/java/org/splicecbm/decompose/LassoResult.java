package org.splicecbm.decompose;

import org.splicecbm.store.CsrMatrix;

/**
 * Solutions of a batch of nonnegative lasso problems.
 *
 * @param weights    N x c nonnegative weights (float32; only positive entries stored)
 * @param objective  per row, {@code ||C^T w - z||^2 + l1 ||w||_1} of the double-precision solution
 * @param dualityGap per row, the absolute duality gap certified for it (objective minus a feasible
 *                   dual value); the relative gap is {@code dualityGap / objective}
 * @param stats      cost counters
 */
public record LassoResult(CsrMatrix weights, double[] objective, double[] dualityGap, SolveStats stats) {}
