package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * The lazily computed Gram block {@code Q = C_S C_S^T} of a working set, stored by columns: column i
 * exists only once the weight of member i has moved, and holds valid entries for the first
 * {@code length[i]} members; it is completed for members added later only when it is needed again.
 * Entries are exact double-precision products of the float32 rows; symmetric entries are reused.
 */
final class GramColumns {
    private static final SolverKernels KERNELS = SolverKernels.BEST;
    private final float[][] dictionary;
    private double[][] columns = new double[0][];
    private int[] length = new int[0];
    private long exactDots;
    private int[] slots = new int[0];
    private int[] concepts = new int[0];
    private double[] entries = new double[0];

    GramColumns(float[][] dictionary) {
        this.dictionary = dictionary;
    }

    long exactDots() {
        return exactDots;
    }

    void ensureCapacity(int capacity) {
        int old = columns.length;
        if (capacity <= old) {
            return;
        }
        columns = Arrays.copyOf(columns, capacity);
        slots = new int[capacity];
        concepts = new int[capacity];
        entries = new double[capacity];
        length = Arrays.copyOf(length, capacity);
        for (int i = 0; i < old; i++) {
            if (columns[i] != null) {
                columns[i] = Arrays.copyOf(columns[i], capacity);
            }
        }
    }

    /** Forgets slot i (a new member takes it). */
    void reset(int i) {
        columns[i] = null;
        length[i] = 0;
    }

    /**
     * Column i over the first {@code size} members ({@code members} holds their concept ids,
     * {@code diagonal} their squared norms), computing only the entries not known yet.
     */
    double[] column(int i, int[] members, double[] diagonal, int size) {
        if (columns[i] == null) {
            columns[i] = new double[columns.length];
        }
        double[] column = columns[i];
        int missing = 0;
        for (int k = length[i]; k < size; k++) {
            if (k == i) {
                column[k] = diagonal[i];
            } else if (length[k] > i) {
                column[k] = columns[k][i];
            } else {
                slots[missing] = k;
                concepts[missing++] = members[k];
            }
        }
        KERNELS.dots(dictionary, concepts, missing, dictionary[members[i]], entries);
        for (int m = 0; m < missing; m++) {
            column[slots[m]] = entries[m];
        }
        exactDots += missing;
        length[i] = size;
        return column;
    }

    /** Keeps the members at slots {@code keep[0..kept)} (increasing), moved to slots 0..kept-1. */
    void compact(int[] keep, int kept, int oldSize) {
        // in place: keep is increasing, so keep[m] >= m and every read is at or after its write
        for (int n = 0; n < kept; n++) {
            double[] column = columns[keep[n]];
            int valid = length[keep[n]];
            int m = 0;
            if (column != null) {
                for (; m < kept && keep[m] < valid; m++) {
                    column[m] = column[keep[m]];
                }
            }
            columns[n] = column;
            length[n] = m;
        }
        for (int i = kept; i < oldSize; i++) {
            reset(i);
        }
    }

    /** All column arrays by slot (entries valid below each column's length), for the support system. */
    double[][] all() {
        return columns;
    }
}
