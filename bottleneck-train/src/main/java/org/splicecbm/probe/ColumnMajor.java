package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * A CSC copy of a CSR matrix: the nonzeros of each column with their rows, which coordinate descent over
 * one weight needs (the rows a concept occurs in). Built in O(nonzeros).
 */
record ColumnMajor(int[] start, int[] rows, double[] values) {

    static ColumnMajor of(CsrMatrix x) {
        int[] start = new int[x.cols() + 1];
        for (int col : x.indices()) {
            start[col + 1]++;
        }
        for (int c = 0; c < x.cols(); c++) {
            start[c + 1] += start[c];
        }
        int[] next = start.clone();
        int[] rows = new int[x.indices().length];
        double[] values = new double[rows.length];
        for (int r = 0; r < x.rows(); r++) {
            for (int k = (int) x.indptr()[r], end = (int) x.indptr()[r + 1]; k < end; k++) {
                int slot = next[x.indices()[k]]++;
                rows[slot] = r;
                values[slot] = x.data()[k];
            }
        }
        return new ColumnMajor(start, rows, values);
    }

    int longest() {
        int max = 0;
        for (int c = 0; c + 1 < start.length; c++) {
            max = Math.max(max, start[c + 1] - start[c]);
        }
        return max;
    }
}
