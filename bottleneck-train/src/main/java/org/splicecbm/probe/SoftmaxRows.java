package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * The logits {@code z[r][k]} and log-normalisers {@code lse[r]} of every training row, kept current while
 * coordinate descent changes one weight at a time: moving {@code z[r][k]} by {@code u} changes
 * {@code lse[r]} by {@code log(1 + p[r][k] (e^u - 1))}, so one coordinate step costs O(rows of its concept).
 */
final class SoftmaxRows {
    private final SoftmaxLasso problem;
    private final int classes;
    final double[] logits;
    final double[] lse;

    SoftmaxRows(SoftmaxLasso problem) {
        this.problem = problem;
        this.classes = problem.classes;
        this.logits = new double[problem.size() * classes];
        this.lse = new double[problem.size()];
    }

    /** Recomputes every logit and normaliser from the parameters (removes drift of the incremental updates). */
    void refresh(double[] weights, double[] bias) {
        CsrMatrix x = problem.rows;
        double[] z = new double[classes];
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(bias, 0, z, 0, classes);
            for (int q = (int) x.indptr()[r], end = (int) x.indptr()[r + 1]; q < end; q++) {
                int base = x.indices()[q] * classes;
                double v = x.data()[q];
                for (int k = 0; k < classes; k++) {
                    z[k] += v * weights[base + k];
                }
            }
            System.arraycopy(z, 0, logits, r * classes, classes);
            lse[r] = logSumExp(z);
        }
    }

    double probability(int row, int clazz) {
        return Math.exp(logits[row * classes + clazz] - lse[row]);
    }

    /** Change of row {@code row}'s log-normaliser when its logit of class {@code clazz} (probability p) moves by u. */
    static double normaliserChange(double p, double u) {
        return Math.log1p(p * Math.expm1(u));
    }

    void shift(int row, int clazz, double u, double normaliserChange) {
        logits[row * classes + clazz] += u;
        lse[row] += normaliserChange;
    }

    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}
