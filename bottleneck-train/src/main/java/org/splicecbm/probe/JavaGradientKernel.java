package org.splicecbm.probe;

import java.util.Arrays;
import org.splicecbm.store.CsrMatrix;

/** {@link GradientKernel} as one pass over the CSR rows in plain Java (forward, softmax, scatter of the residual). */
final class JavaGradientKernel implements GradientKernel {
    private final SoftmaxLasso problem;

    JavaGradientKernel(SoftmaxLasso problem) {
        this.problem = problem;
    }

    @Override
    public double lossAndGradient(double[] weights, double[] bias, double[] gradient, double[] biasGradient) {
        CsrMatrix x = problem.rows;
        int classes = problem.classes;
        Arrays.fill(gradient, 0);
        Arrays.fill(biasGradient, 0);
        double[] z = new double[classes];
        double loss = 0;
        for (int r = 0; r < x.rows(); r++) {
            int from = (int) x.indptr()[r];
            int to = (int) x.indptr()[r + 1];
            System.arraycopy(bias, 0, z, 0, classes);
            for (int q = from; q < to; q++) {
                int base = x.indices()[q] * classes;
                double v = x.data()[q];
                for (int k = 0; k < classes; k++) {
                    z[k] += v * weights[base + k];
                }
            }
            double lse = SoftmaxRows.logSumExp(z);
            int label = problem.labels[r];
            double s = problem.rowWeight[r];
            loss += s * (lse - z[label]);
            for (int k = 0; k < classes; k++) {
                z[k] = s * (Math.exp(z[k] - lse) - (k == label ? 1 : 0));
                biasGradient[k] += z[k];
            }
            for (int q = from; q < to; q++) {
                int base = x.indices()[q] * classes;
                double v = x.data()[q];
                for (int k = 0; k < classes; k++) {
                    gradient[base + k] += v * z[k];
                }
            }
        }
        return loss;
    }
}
