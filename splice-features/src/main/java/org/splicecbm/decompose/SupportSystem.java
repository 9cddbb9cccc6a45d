package org.splicecbm.decompose;

/**
 * The stationarity equations of the nonnegative lasso on a fixed support A,
 * {@code Q_AA w_A = C_A z - l1/2}, solved by Cholesky. This is what makes the working-set solution
 * exact rather than "coordinate descent to a tolerance".
 */
final class SupportSystem {
    /** The Cholesky factor, row-major with stride {@code capacity}, kept between solves (they are many per row). */
    private double[] lower = new double[0];
    private int capacity;

    /**
     * Solves the system for {@code support} (indices into the working set); {@code columns[i]} is
     * Gram column i, {@code targetCorrelation[i]} is {@code c_i . z}. Returns null when the block is
     * numerically singular (a pivot below {@code pivotFloor} times its diagonal, e.g. duplicate
     * concepts) or when some weight is not positive, i.e. when this support is not the answer.
     */
    double[] solve(double[][] columns, int[] support, double[] targetCorrelation, double l1,
                   double pivotFloor) {
        int n = support.length;
        if (n > capacity) {
            capacity = Math.max(n, 2 * capacity);
            lower = new double[capacity * capacity];
        }
        int stride = capacity;
        for (int a = 0; a < n; a++) {
            double[] column = columns[support[a]];
            for (int b = 0; b <= a; b++) {
                double sum = column[support[b]];
                for (int k = 0; k < b; k++) {
                    sum -= lower[a * stride + k] * lower[b * stride + k];
                }
                if (a == b) {
                    if (sum <= pivotFloor * column[support[a]]) {
                        return null;
                    }
                    lower[a * stride + a] = Math.sqrt(sum);
                } else {
                    lower[a * stride + b] = sum / lower[b * stride + b];
                }
            }
        }
        double[] x = new double[n];
        for (int a = 0; a < n; a++) {
            double sum = targetCorrelation[support[a]] - l1 / 2;
            for (int k = 0; k < a; k++) {
                sum -= lower[a * stride + k] * x[k];
            }
            x[a] = sum / lower[a * stride + a];
        }
        for (int a = n - 1; a >= 0; a--) {
            double sum = x[a];
            for (int k = a + 1; k < n; k++) {
                sum -= lower[k * stride + a] * x[k];
            }
            x[a] = sum / lower[a * stride + a];
        }
        for (double v : x) {
            if (!(v > 0)) {
                return null;
            }
        }
        return x;
    }
}
