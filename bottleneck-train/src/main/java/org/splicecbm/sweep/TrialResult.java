package org.splicecbm.sweep;

import org.splicecbm.runconfig.SweepConfig;

/**
 * What one point of a sweep measured (one penalty of a feature point's regularisation path): validation
 * metrics (used for selection), test metrics (reported only), the sparsity of its SpLiCE features and of
 * its probe, and the tracked child run it logged.
 *
 * @param params              the trial's point
 * @param valAccuracy         validation accuracy
 * @param valBalancedAccuracy validation balanced accuracy
 * @param valMacroF1          validation macro F1
 * @param testAccuracy        test accuracy
 * @param testBalancedAccuracy test balanced accuracy
 * @param meanL0              mean number of nonzero concepts per image over every split's SpLiCE features
 * @param meanCosine          mean cosine between the embeddings and their SpLiCE reconstructions, over every split
 * @param nonzeros            nonzero probe weights
 * @param effectiveConcepts   concepts with a nonzero probe weight for some class
 * @param nec                 nonzero weights per class (NEC, VLG-CBM, NeurIPS 2024)
 * @param runName             the child run's name
 * @param runId               the MLflow run id of the child run
 */
public record TrialResult(TrialParams params, double valAccuracy, double valBalancedAccuracy, double valMacroF1,
                          double testAccuracy, double testBalancedAccuracy, double meanL0, double meanCosine,
                          int nonzeros, int effectiveConcepts, double nec, String runName, String runId) {

    /** The value of a selection metric (higher is better). */
    public double metric(SweepConfig.Metric metric) {
        return switch (metric) {
            case VAL_ACCURACY -> valAccuracy;
            case VAL_BALANCED_ACCURACY -> valBalancedAccuracy;
            case VAL_MACRO_F1 -> valMacroF1;
        };
    }

    /** This result, tracked as run {@code id}. */
    public TrialResult withRunId(String id) {
        return new TrialResult(params, valAccuracy, valBalancedAccuracy, valMacroF1, testAccuracy, testBalancedAccuracy,
                meanL0, meanCosine, nonzeros, effectiveConcepts, nec, runName, id);
    }
}
