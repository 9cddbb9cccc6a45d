package org.splicecbm.probe;

/**
 * One penalty of a {@link RegularisationPath}: the certified fit's sparsity and its accuracy on the
 * validation and test splits (NaN for a split that was not given).
 *
 * @param l1 per-example L1 penalty (scikit-learn's {@code C = 1 / (l1 n)})
 * @param nonzeros nonzero weights
 * @param effectiveConcepts concepts with a nonzero weight for any class
 * @param nec number of effective concepts as VLG-CBM (NeurIPS 2024) defines it: nonzero weights per class
 * @param objective the certified objective value
 * @param kktViolation its optimality certificate
 */
public record PathPoint(double l1, int nonzeros, int effectiveConcepts, double nec, double objective, double kktViolation,
                        double valAccuracy, double valBalancedAccuracy, double testAccuracy, double testBalancedAccuracy,
                        double seconds) {}
