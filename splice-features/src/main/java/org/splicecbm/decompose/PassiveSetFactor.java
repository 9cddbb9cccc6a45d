package org.splicecbm.decompose;

/**
 * The Cholesky factor {@code L L^T = Q_PP} of the passive set P (the concepts with a positive weight)
 * of the working-set subproblem, kept up to date between the active-set steps of
 * {@link WorkingSetProblem}: a concept enters as a new last row ({@code O(|P|^2)}); one leaves by
 * deleting its row and a rank-one update of the rows below it ({@code O(|P|^2)}, Gill, Golub, Murray
 * and Saunders, "Methods for modifying matrix factorizations", 1974), instead of a new
 * {@code O(|P|^3)} factorization. Rows are identified by their working-set slot.
 */
final class PassiveSetFactor {
    private static final SolverKernels KERNELS = SolverKernels.BEST;
    /** Row-major with stride {@code capacity}: row a holds {@code L[a][0..a]}. */
    private double[] lower = new double[0];
    private int capacity;
    private int[] slots = new int[0];
    /** Work arrays of {@link #remove} and {@link #stationaryWeights}, {@code capacity} long. */
    private double[] spill = new double[0];
    private double[] rhs = new double[0];
    private double[] solution = new double[0];
    private int size;

    int size() {
        return size;
    }

    /** The working-set slot of row {@code row}. */
    int slot(int row) {
        return slots[row];
    }

    void clear() {
        size = 0;
    }

    /**
     * Appends {@code slot} as the last row. {@code gram[column + s]} must hold {@code Q_{slot, s}} for
     * the slot itself and every slot already in the factor. Returns false, changing nothing, when the
     * pivot is at most {@code pivotFloor} times the diagonal entry: the concept is (numerically) a
     * combination of the passive ones, e.g. a duplicate.
     */
    boolean append(int slot, double[] gram, int column, double pivotFloor) {
        ensureCapacity(size + 1);
        int rowN = size * capacity;
        for (int k = 0; k < size; k++) {
            int rowK = k * capacity;
            double sum = gram[column + slots[k]] - KERNELS.dot(lower, rowN, lower, rowK, k);
            lower[rowN + k] = sum / lower[rowK + k];
        }
        double diagonal = gram[column + slot];
        double pivot = diagonal - KERNELS.dot(lower, rowN, lower, rowN, size);
        if (!(pivot > pivotFloor * diagonal)) {
            return false;
        }
        lower[rowN + size] = Math.sqrt(pivot);
        slots[size++] = slot;
        return true;
    }

    /**
     * Deletes row {@code row}: the rows below move up one place without their entry in column
     * {@code row}, which {@code L L^T} then misses as a rank-one term {@code x x^T}; the update puts it
     * back into the trailing rows (the standard hyperbolic-free update, stable because it only adds).
     */
    void remove(int row) {
        int last = size - 1;
        double[] x = spill;
        for (int a = row + 1; a <= last; a++) {
            int from = a * capacity;
            int to = (a - 1) * capacity;
            x[a - 1 - row] = lower[from + row];
            System.arraycopy(lower, from, lower, to, row);
            System.arraycopy(lower, from + row + 1, lower, to + row, a - row);
            slots[a - 1] = slots[a];
        }
        size = last;
        for (int m = row; m < size; m++) {
            int rowM = m * capacity;
            double lmm = lower[rowM + m];
            double xm = x[m - row];
            double r = Math.sqrt(lmm * lmm + xm * xm);
            double c = r / lmm;
            double s = xm / lmm;
            lower[rowM + m] = r;
            for (int i = m + 1; i < size; i++) {
                int at = i * capacity + m;
                double updated = (lower[at] + s * x[i - row]) / c;
                lower[at] = updated;
                x[i - row] = c * x[i - row] - s * updated;
            }
        }
    }

    /**
     * The weights that make the passive set stationary, {@code Q_PP w_P = C_P z - l1/2}, from
     * {@code targetCorrelation[slot] = c_slot . z}; entry k belongs to row k. The array is this factor's
     * and is overwritten by the next call.
     */
    double[] stationaryWeights(double[] targetCorrelation, double l1) {
        for (int k = 0; k < size; k++) {
            rhs[k] = targetCorrelation[slots[k]] - l1 / 2;
        }
        solve(rhs, solution);
        return solution;
    }

    /** Solves {@code L L^T x = rhs} ({@code rhs[k]} belongs to row k); writes x into {@code out}. */
    void solve(double[] rhs, double[] out) {
        for (int a = 0; a < size; a++) {
            int rowA = a * capacity;
            out[a] = (rhs[a] - KERNELS.dot(lower, rowA, out, 0, a)) / lower[rowA + a];
        }
        // L^T x = y by rows of L (column-oriented back substitution): contiguous reads, not a stride per term
        for (int a = size - 1; a >= 0; a--) {
            int rowA = a * capacity;
            out[a] /= lower[rowA + a];
            double xa = out[a];
            for (int k = 0; k < a; k++) {
                out[k] -= lower[rowA + k] * xa;
            }
        }
    }

    /** Renames the rows' slots after the working set was compacted ({@code newSlot[old]}). */
    void remap(int[] newSlot) {
        for (int k = 0; k < size; k++) {
            slots[k] = newSlot[slots[k]];
        }
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        int grown = Math.max(n, Math.max(16, 2 * capacity));
        double[] copy = new double[grown * grown];
        for (int a = 0; a < size; a++) {
            System.arraycopy(lower, a * capacity, copy, a * grown, a + 1);
        }
        lower = copy;
        slots = java.util.Arrays.copyOf(slots, grown);
        spill = new double[grown];
        rhs = new double[grown];
        solution = new double[grown];
        capacity = grown;
    }
}
