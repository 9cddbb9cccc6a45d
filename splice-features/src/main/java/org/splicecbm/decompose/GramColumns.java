package org.splicecbm.decompose;

/**
 * The lazily computed Gram block {@code Q = C_S C_S^T} of a working set, in one flat array:
 * column i (the entries of member i with every member k) sits at {@code i * stride()}. Column i is
 * computed only once the weight of member i has moved, holds valid entries for the first
 * {@code length[i]} members, and is completed for members added later only when it is needed
 * again. Entries are exact double-precision products of the float32 rows; symmetric entries are
 * reused. One array rather than an array per column: the reuse reads entries of other columns.
 */
final class GramColumns {
    private static final SolverKernels KERNELS = SolverKernels.BEST;
    private final float[][] dictionary;
    private double[] entries = new double[0];
    private int stride;
    private int[] length = new int[0];
    private long exactDots;
    private int[] slots = new int[0];
    private int[] concepts = new int[0];
    private double[] computed = new double[0];

    GramColumns(float[][] dictionary) {
        this.dictionary = dictionary;
    }

    long exactDots() {
        return exactDots;
    }

    /** Room for {@code capacity} members; the valid entries keep their (row, column) places. */
    void ensureCapacity(int capacity) {
        if (capacity <= stride) {
            return;
        }
        double[] grown = new double[capacity * capacity];
        for (int i = 0; i < stride; i++) {
            System.arraycopy(entries, i * stride, grown, i * capacity, length[i]);
        }
        entries = grown;
        length = java.util.Arrays.copyOf(length, capacity);
        slots = new int[capacity];
        concepts = new int[capacity];
        computed = new double[capacity];
        stride = capacity;
    }

    /** Forgets slot i (a new member takes it). */
    void reset(int i) {
        length[i] = 0;
    }

    /**
     * Completes column i over the first {@code size} members ({@code members} holds their concept ids,
     * {@code diagonal} their squared norms), computing only the entries not known yet; returns where
     * it starts in {@link #entries()}.
     */
    int column(int i, int[] members, double[] diagonal, int size) {
        int at = i * stride;
        int missing = 0;
        for (int k = length[i]; k < size; k++) {
            if (k == i) {
                entries[at + k] = diagonal[i];
            } else if (length[k] > i) {
                entries[at + k] = entries[k * stride + i];
            } else {
                slots[missing] = k;
                concepts[missing++] = members[k];
            }
        }
        if (missing > 0) {
            KERNELS.dots(dictionary, concepts, missing, dictionary[members[i]], computed);
            for (int m = 0; m < missing; m++) {
                entries[at + slots[m]] = computed[m];
            }
            exactDots += missing;
        }
        length[i] = size;
        return at;
    }

    /** Keeps the members at slots {@code keep[0..kept)} (increasing), moved to slots 0..kept-1. */
    void compact(int[] keep, int kept, int oldSize) {
        // in place: keep is increasing, so keep[m] >= m, and every read precedes the write over it
        for (int n = 0; n < kept; n++) {
            int from = keep[n] * stride;
            int to = n * stride;
            int valid = length[keep[n]];
            int m = 0;
            for (; m < kept && keep[m] < valid; m++) {
                entries[to + m] = entries[from + keep[m]];
            }
            length[n] = m;
        }
        for (int i = kept; i < oldSize; i++) {
            reset(i);
        }
    }

    /** All entries: column i at {@code i * stride()}, valid below its length. */
    double[] entries() {
        return entries;
    }

    int stride() {
        return stride;
    }
}
