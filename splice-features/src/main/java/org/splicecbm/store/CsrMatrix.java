package org.splicecbm.store;

/**
 * A sparse float32 matrix in compressed sparse row form, the layout SciPy's {@code csr_matrix} uses:
 * the nonzeros of row {@code i} are {@code data[indptr[i] .. indptr[i+1])} at columns
 * {@code indices[...]}, columns increasing within a row.
 */
public record CsrMatrix(int rows, int cols, float[] data, int[] indices, long[] indptr) {

    public CsrMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be nonnegative, found " + rows + " x " + cols);
        }
        if (indptr.length != rows + 1 || indptr[0] != 0 || indptr[rows] != data.length || data.length != indices.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays: rows=" + rows + ", indptr length="
                    + indptr.length + ", last indptr=" + (indptr.length > 0 ? indptr[indptr.length - 1] : -1)
                    + ", data length=" + data.length + ", indices length=" + indices.length);
        }
    }

    /** Number of stored nonzeros. */
    public long nnz() {
        return data.length;
    }

    /** Nonzeros in row {@code row}. */
    public int rowNnz(int row) {
        return (int) (indptr[row + 1] - indptr[row]);
    }

    /** Row {@code row} as a dense array of {@link #cols()} values. */
    public float[] denseRow(int row) {
        float[] out = new float[cols];
        for (long k = indptr[row]; k < indptr[row + 1]; k++) {
            out[indices[(int) k]] = data[(int) k];
        }
        return out;
    }
}
