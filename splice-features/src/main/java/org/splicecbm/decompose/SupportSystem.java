package org.splicecbm.decompose;

/**
 * The stationarity equations of the nonnegative lasso on a fixed support A,
 * {@code Q_AA w_A = C_A z - l1/2}, solved by Cholesky. This is what makes the working-set solution
 * exact rather than "coordinate descent to a tolerance".
 */
final class SupportSystem {
    private SupportSystem() {}

    /**
     * Solves the system for {@code support} (indices into the working set); {@code columns[i]} is
     * Gram column i, {@code targetCorrelation[i]} is {@code c_i . z}. Returns null when the block is
     * numerically singular (a pivot below {@code pivotFloor} times its diagonal, e.g. duplicate
     * concepts) or when some weight is not positive, i.e. when this support is not the answer.
     */
    static double[] solve(double[][] columns, int[] support, double[] targetCorrelation, double l1,
                          double pivotFloor) {
        int n = support.length;
        double[][] lower = new double[n][n];
        for (int a = 0; a < n; a++) {
            double[] column = columns[support[a]];
            for (int b = 0; b <= a; b++) {
                double sum = column[support[b]];
                for (int k = 0; k < b; k++) {
                    sum -= lower[a][k] * lower[b][k];
                }
                if (a == b) {
                    if (sum <= pivotFloor * column[support[a]]) {
                        return null;
                    }
                    lower[a][a] = Math.sqrt(sum);
                } else {
                    lower[a][b] = sum / lower[b][b];
                }
            }
        }
        double[] x = new double[n];
        for (int a = 0; a < n; a++) {
            double sum = targetCorrelation[support[a]] - l1 / 2;
            for (int k = 0; k < a; k++) {
                sum -= lower[a][k] * x[k];
            }
            x[a] = sum / lower[a][a];
        }
        for (int a = n - 1; a >= 0; a--) {
            double sum = x[a];
            for (int k = a + 1; k < n; k++) {
                sum -= lower[k][a] * x[k];
            }
            x[a] = sum / lower[a][a];
        }
        for (double v : x) {
            if (!(v > 0)) {
                return null;
            }
        }
        return x;
    }
}
