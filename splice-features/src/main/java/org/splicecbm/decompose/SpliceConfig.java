package org.splicecbm.decompose;

import org.splicecbm.validation.InvalidArgumentException;


/**
 * The {@code splice:} section: the sparse decomposition's settings (Bhalla et al., NeurIPS 2024, Eq. 2:
 * {@code min_{w >= 0} ||C^T w - z||^2 + l1 ||w||_1}).
 *
 * @param l1Penalty the l1 weight {@code l1} of the objective, {@code > 0} (default 0.25, the
 *                  value of the paper's single-image example)
 * @param tolerance optional convergence tolerance of the solver, {@code > 0}; {@code null} keeps the solver's own
 *                  default (the reference uses 1e-6)
 */
public record SpliceConfig(Double l1Penalty, Double tolerance) {
    public static final double DEFAULT_L1_PENALTY = 0.25;

    public SpliceConfig {
        l1Penalty = l1Penalty == null ? DEFAULT_L1_PENALTY : l1Penalty;
        InvalidArgumentException.require(Double.isFinite(l1Penalty) && l1Penalty > 0, "splice.l1_penalty",
                "be a finite number > 0", l1Penalty);
        InvalidArgumentException.require(tolerance == null || (Double.isFinite(tolerance) && tolerance > 0),
                "splice.tolerance", "be a finite number > 0 (or be left out for the solver's default)", tolerance);
    }

    /** The defaults: l1 penalty 0.25, the solver's default tolerance. */
    public static SpliceConfig defaults() {
        return new SpliceConfig(null, null);
    }

    /** The configured tolerance, or {@code solverDefault} when none was given. */
    public double toleranceOr(double solverDefault) {
        return tolerance == null ? solverDefault : tolerance;
    }
}
