package org.splicecbm.store;

import java.util.Arrays;

/**
 * Stacks CSR row blocks (e.g. one per decomposed batch) into one {@link CsrMatrix}, growing its
 * arrays geometrically; memory is the final matrix plus at most one doubling.
 */
public final class CsrBuilder {
    private final int cols;
    private float[] data = new float[1024];
    private int[] indices = new int[1024];
    private long[] indptr = new long[1025];
    private int rows;
    private int nnz;

    public CsrBuilder(int cols) {
        this.cols = cols;
    }

    /** Appends the rows of {@code block}, which must have the same column count. */
    public void append(CsrMatrix block) {
        if (block.cols() != cols) {
            throw new IllegalArgumentException("block has " + block.cols() + " columns, expected " + cols);
        }
        int add = Math.toIntExact(block.nnz());
        if (nnz + (long) add > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2^31 nonzeros do not fit in one CsrMatrix");
        }
        ensureNnz(nnz + add);
        System.arraycopy(block.data(), 0, data, nnz, add);
        System.arraycopy(block.indices(), 0, indices, nnz, add);
        ensureRows(rows + block.rows());
        for (int r = 1; r <= block.rows(); r++) {
            indptr[rows + r] = nnz + block.indptr()[r];
        }
        rows += block.rows();
        nnz += add;
    }

    public int rows() {
        return rows;
    }

    /** The stacked matrix (copies of the used parts of the buffers). */
    public CsrMatrix build() {
        return new CsrMatrix(rows, cols, Arrays.copyOf(data, nnz), Arrays.copyOf(indices, nnz),
                Arrays.copyOf(indptr, rows + 1));
    }

    private void ensureNnz(int needed) {
        if (needed > data.length) {
            int size = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * data.length));
            data = Arrays.copyOf(data, size);
            indices = Arrays.copyOf(indices, size);
        }
    }

    private void ensureRows(int needed) {
        if (needed + 1 > indptr.length) {
            indptr = Arrays.copyOf(indptr, Math.max(needed + 1, 2 * indptr.length));
        }
    }
}
