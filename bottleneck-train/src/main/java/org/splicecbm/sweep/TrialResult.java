package org.splicecbm.sweep;

import org.splicecbm.runconfig.SweepConfig;

/**
 * What one finished trial measured: validation metrics (used for selection), test metrics (reported
 * only), the sparsity of its SpLiCE features and of its probe, and the tracked run it logged.
 *
 * @param params             the trial's point
 * @param fingerprint        SHA-256 of the trial's resolved config; a stored result is reused only for the same one
 * @param valAccuracy        validation accuracy
 * @param valBalancedAccuracy validation balanced accuracy
 * @param valMacroF1         validation macro F1
 * @param testAccuracy       test accuracy
 * @param meanL0             mean number of nonzero concepts per image over every split's features
 * @param effectiveConcepts  concepts with a nonzero probe weight for some class
 * @param epochs             training epochs run
 * @param runName            the training run's name (its folder under {@code output/runs})
 * @param runId              the MLflow run id
 */
public record TrialResult(TrialParams params, String fingerprint, double valAccuracy, double valBalancedAccuracy,
                          double valMacroF1, double testAccuracy, double meanL0, int effectiveConcepts, int epochs,
                          String runName, String runId) {

    /** The value of a selection metric (higher is better). */
    public double metric(SweepConfig.Metric metric) {
        return switch (metric) {
            case VAL_ACCURACY -> valAccuracy;
            case VAL_BALANCED_ACCURACY -> valBalancedAccuracy;
            case VAL_MACRO_F1 -> valMacroF1;
        };
    }
}
