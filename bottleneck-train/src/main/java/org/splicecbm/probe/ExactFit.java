package org.splicecbm.probe;

/**
 * The result of {@link ExactSolver}: parameters in double precision and the certificate of optimality.
 *
 * @param weights concept-major {@code concepts x classes}; exact zeros where the L1 penalty zeroes a weight
 * @param objective {@code sum_i s_i CE_i + l1 |W|_1 + l2/2 |W|^2} (scikit-learn's objective divided by {@code C n})
 * @param kktViolation largest violation of the optimality conditions at the returned parameters
 * @param certified whether {@code kktViolation <= tolerance}
 * @param outerIterations full-gradient evaluations (working-set rounds)
 * @param coordinatePasses passes of coordinate descent over the working sets
 */
public record ExactFit(int concepts, int classes, double[] weights, double[] bias, double l1, double l2, double objective,
                       double kktViolation, double tolerance, boolean certified, int outerIterations, int coordinatePasses,
                       double seconds) {

    public int nonzeros() {
        int count = 0;
        for (double w : weights) {
            count += w != 0 ? 1 : 0;
        }
        return count;
    }

    /** Concepts with a nonzero weight for any class. */
    public int effectiveConcepts() {
        int count = 0;
        for (int j = 0; j < concepts; j++) {
            for (int k = 0; k < classes; k++) {
                if (weights[j * classes + k] != 0) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Number of effective concepts (NEC, Srivastava et al., VLG-CBM, NeurIPS 2024): nonzero weights per class. */
    public double nec() {
        return (double) nonzeros() / classes;
    }

    LinearWeights toLinearWeights() {
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) weights[i];
        }
        float[] b = new float[bias.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = (float) bias[k];
        }
        return new LinearWeights(concepts, classes, w, b);
    }
}
