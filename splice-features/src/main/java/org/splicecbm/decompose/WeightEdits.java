package org.splicecbm.decompose;

import org.splicecbm.store.CsrMatrix;

/** Edits of sparse weight matrices used by SpLiCE's concept interventions. */
final class WeightEdits {
    private WeightEdits() {}

    /** A copy of {@code weights} without the entries in columns marked in {@code removed}. */
    static CsrMatrix zeroColumns(CsrMatrix weights, boolean[] removed) {
        int n = weights.rows();
        long[] indptr = new long[n + 1];
        int kept = 0;
        for (int p = 0; p < weights.nnz(); p++) {
            if (!removed[weights.indices()[p]]) {
                kept++;
            }
        }
        float[] data = new float[kept];
        int[] indices = new int[kept];
        int out = 0;
        for (int i = 0; i < n; i++) {
            for (long p = weights.indptr()[i]; p < weights.indptr()[i + 1]; p++) {
                int column = weights.indices()[(int) p];
                if (!removed[column]) {
                    data[out] = weights.data()[(int) p];
                    indices[out++] = column;
                }
            }
            indptr[i + 1] = out;
        }
        return new CsrMatrix(n, weights.cols(), data, indices, indptr);
    }
}
