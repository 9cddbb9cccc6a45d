package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * The probe's objective in scikit-learn's scaling: {@code LogisticRegression(penalty="l1"|"elasticnet", C,
 * l1_ratio, fit_intercept)} with multinomial loss minimises {@code C * sum_i cw[y_i] CE_i + l1_ratio |W|_1 +
 * (1 - l1_ratio)/2 |W|^2}; dividing by {@code C n} gives what is solved here,
 * {@code sum_i s_i CE_i + l1 |W|_1 + l2/2 |W|^2} with {@code s_i = cw[y_i] / n}, {@code l1 = l1_ratio / (C n)},
 * {@code l2 = (1 - l1_ratio) / (C n)}. The bias is never penalised. Suppressed concept columns are dropped
 * from the data, so their weights stay exactly zero.
 */
final class SoftmaxLasso {
    final CsrMatrix rows;
    final ColumnMajor columns;
    final int[] labels;
    final int classes;
    final double[] rowWeight;
    final double l1;
    final double l2;
    final boolean intercept;

    SoftmaxLasso(CsrMatrix rows, int[] labels, int classes, double[] classWeights, double l1, double l2, boolean intercept) {
        this.rows = rows;
        this.columns = ColumnMajor.of(rows);
        this.labels = labels;
        this.classes = classes;
        this.rowWeight = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            rowWeight[i] = classWeights[labels[i]] / labels.length;
        }
        this.l1 = l1;
        this.l2 = l2;
        this.intercept = intercept;
    }

    /** The same data at another penalty (shares the matrices). */
    SoftmaxLasso(SoftmaxLasso base, double l1, double l2) {
        this.rows = base.rows;
        this.columns = base.columns;
        this.labels = base.labels;
        this.classes = base.classes;
        this.rowWeight = base.rowWeight;
        this.l1 = l1;
        this.l2 = l2;
        this.intercept = base.intercept;
    }

    int concepts() {
        return rows.cols();
    }

    int size() {
        return labels.length;
    }

    /** {@code l1 |W|_1 + l2/2 |W|^2}. */
    double penalty(double[] weights) {
        double abs = 0;
        double squares = 0;
        for (double w : weights) {
            abs += Math.abs(w);
            squares += w * w;
        }
        return l1 * abs + 0.5 * l2 * squares;
    }

    /**
     * Largest violation of the optimality conditions given the smooth part's gradient: for a nonzero weight
     * {@code |g + l2 w + l1 sign(w)|}, for a zero weight {@code max(0, |g| - l1)}, for the bias {@code |g|}.
     */
    double kktViolation(double[] weights, double[] gradient, double[] biasGradient) {
        double worst = 0;
        for (int i = 0; i < weights.length; i++) {
            worst = Math.max(worst, coordinateViolation(weights[i], gradient[i]));
        }
        if (intercept) {
            for (double g : biasGradient) {
                worst = Math.max(worst, Math.abs(g));
            }
        }
        return worst;
    }

    double coordinateViolation(double w, double lossGradient) {
        double g = lossGradient + l2 * w;
        if (w > 0) {
            return Math.abs(g + l1);
        }
        if (w < 0) {
            return Math.abs(g - l1);
        }
        return Math.max(0, Math.abs(g) - l1);
    }

    /**
     * The optimal bias when every weight is zero: the log of each class's (weighted) share of the rows, where
     * the bias gradient {@code sum_i s_i (p_k - y_ik)} vanishes. Zero without an intercept.
     */
    double[] nullBias() {
        double[] bias = new double[classes];
        if (intercept) {
            double[] mass = new double[classes];
            for (int i = 0; i < size(); i++) {
                mass[labels[i]] += rowWeight[i];
            }
            for (int k = 0; k < classes; k++) {
                bias[k] = Math.log(mass[k]);
            }
        }
        return bias;
    }

    /**
     * The smallest {@code l1} at which all weights are zero: with {@code W = 0} and the bias at its optimum
     * (class log-frequencies), the largest absolute loss gradient over all weights.
     */
    double zeroingPenalty(GradientKernel kernel) {
        double[] weights = new double[concepts() * classes];
        double[] bias = nullBias();
        double[] gradient = new double[weights.length];
        kernel.lossAndGradient(weights, bias, gradient, new double[classes]);
        double max = 0;
        for (double g : gradient) {
            max = Math.max(max, Math.abs(g));
        }
        return max;
    }
}
