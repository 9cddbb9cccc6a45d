package org.splicecbm.decompose;

/**
 * Duality gap of the nonnegative lasso {@code P(w) = ||z - C^T w||^2 + l1 sum(w)}, w >= 0.
 *
 * <p>Writing {@code ||r||^2 = max_u 2 u.r - ||u||^2} and minimising over w >= 0 gives the dual
 * {@code D(u) = 2 u.z - ||u||^2} subject to {@code 2 C u <= l1} (every concept). At the optimum
 * u = r. From the residual r of any w we take the feasible point {@code u = s r} with
 * {@code s = clamp(r.z / ||r||^2, 0, l1 / max_j 2 c_j.r)}, the best such scaling; then
 * {@code P(w) - D(u) >= P(w) - P(w*) >= 0} certifies how far w is from optimal.
 *
 * <p>For l1 = 0 (nonnegative least squares) no scaling can make a rounded residual exactly
 * feasible ({@code C r <= 0} holds with equality on the support), so a maximum below
 * {@code 1e-12} times the problem scale is accepted as feasible.
 */
final class DualGap {
    private DualGap() {}

    /**
     * @param maxGradientTerm {@code max_j 2 c_j . r}, computed exactly
     * @param scale           {@code l1 + 2 ||z||}, the size of gradient entries
     */
    static double of(double[] target, double[] residual, double objective, double l1,
                     double maxGradientTerm, double scale) {
        double rr = 0;
        double rz = 0;
        for (int k = 0; k < residual.length; k++) {
            rr += residual[k] * residual[k];
            rz += residual[k] * target[k];
        }
        double feasibleUpTo;
        if (maxGradientTerm <= l1 || (l1 == 0 && maxGradientTerm <= 1e-12 * scale)) {
            feasibleUpTo = Double.POSITIVE_INFINITY;
        } else {
            feasibleUpTo = l1 / maxGradientTerm;
        }
        double s = rr > 0 ? Math.min(Math.max(rz / rr, 0), feasibleUpTo) : 0;
        double dual = 2 * s * rz - s * s * rr;
        return Math.max(0, objective - dual);
    }
}
