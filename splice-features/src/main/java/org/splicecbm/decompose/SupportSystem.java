package org.splicecbm.decompose;

/**
 * The stationarity equations of the nonnegative lasso on a fixed support A,
 * {@code Q_AA w_A = C_A z - l1/2}, solved by Cholesky. This is what makes the working-set solution
 * exact rather than "coordinate descent to a tolerance".
 */
final class SupportSystem {
    private static final SolverKernels KERNELS = SolverKernels.BEST;
    /** The Cholesky factor, row-major with stride {@code capacity}, kept between solves (they are many per row). */
    private double[] lower = new double[0];
    private int capacity;
    /** The concepts (not slots: slots move when the working set is pruned) of the factor's valid rows. */
    private int[] factoredConcepts = new int[0];
    private int factored;

    /**
     * Solves the system for {@code support} (indices into the working set, whose concept ids are
     * {@code members}); Gram column i starts at {@code gram[i * gramStride]}; {@code targetCorrelation[i]}
     * is {@code c_i . z}.
     * Returns null when the block is numerically singular (a pivot below {@code pivotFloor} times its
     * diagonal, e.g. duplicate concepts) or when some weight is not positive, i.e. when this support is
     * not the answer. Row a of the factor depends only on the first a + 1 support concepts, so the rows
     * of a common leading part with the previous solve are kept (concepts mostly enter at the end).
     */
    double[] solve(double[] gram, int gramStride, int[] support, int[] members, double[] targetCorrelation, double l1,
                   double pivotFloor) {
        int n = support.length;
        ensureCapacity(n);
        int stride = capacity;
        int same = 0;
        while (same < Math.min(n, factored) && factoredConcepts[same] == members[support[same]]) {
            same++;
        }
        factored = same;
        for (int a = same; a < n; a++) {
            int column = support[a] * gramStride;
            int rowA = a * stride;
            for (int b = 0; b <= a; b++) {
                int rowB = b * stride;
                double sum = gram[column + support[b]] - KERNELS.dot(lower, rowA, lower, rowB, b);
                if (a == b) {
                    if (sum <= pivotFloor * gram[column + support[a]]) {
                        return null;
                    }
                    lower[rowA + a] = Math.sqrt(sum);
                } else {
                    lower[rowA + b] = sum / lower[rowB + b];
                }
            }
            factoredConcepts[a] = members[support[a]];
            factored = a + 1;
        }
        double[] x = new double[n];
        for (int a = 0; a < n; a++) {
            int rowA = a * stride;
            double sum = targetCorrelation[support[a]] - l1 / 2 - KERNELS.dot(lower, rowA, x, 0, a);
            x[a] = sum / lower[rowA + a];
        }
        // L^T x = y by rows of L (column-oriented back substitution): contiguous reads, not a stride per term
        for (int a = n - 1; a >= 0; a--) {
            int rowA = a * stride;
            x[a] /= lower[rowA + a];
            double xa = x[a];
            for (int k = 0; k < a; k++) {
                x[k] -= lower[rowA + k] * xa;
            }
        }
        for (double v : x) {
            if (!(v > 0)) {
                return null;
            }
        }
        return x;
    }

    private void ensureCapacity(int n) {
        if (n > capacity) {
            capacity = Math.max(n, 2 * capacity);
            lower = new double[capacity * capacity];
            factoredConcepts = new int[capacity];
            factored = 0; // a new layout: refactor from the start
        }
    }
}
