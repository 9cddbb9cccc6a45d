package org.splicecbm.analysis.shift;

import java.util.List;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;

/**
 * The reference and current feature sets as one pool of rows (reference rows first), stored by concept
 * column: the rows where each concept is active and its weights there. Permutation tests relabel rows
 * as reference or current without touching the weights.
 */
final class PooledSets {
    final int referenceRows;
    final int currentRows;
    final int[] labels;
    final int[][] activeRows;
    final float[][] weights;
    final List<String> concepts;

    PooledSets(FeatureSet reference, FeatureSet current) {
        referenceRows = reference.features().rows();
        currentRows = current.features().rows();
        concepts = reference.concepts();
        int cols = reference.features().cols();
        int[] counts = new int[cols];
        count(reference.features(), counts);
        count(current.features(), counts);
        activeRows = new int[cols][];
        weights = new float[cols][];
        for (int c = 0; c < cols; c++) {
            activeRows[c] = new int[counts[c]];
            weights[c] = new float[counts[c]];
        }
        int[] fill = new int[cols];
        add(reference.features(), 0, fill);
        add(current.features(), referenceRows, fill);
        labels = new int[referenceRows + currentRows];
        copyLabels(reference.labels(), 0);
        copyLabels(current.labels(), referenceRows);
    }

    int rows() {
        return referenceRows + currentRows;
    }

    int classes() {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    boolean isCurrent(int row) {
        return row >= referenceRows;
    }

    private static void count(CsrMatrix m, int[] counts) {
        for (int k = 0; k < m.indices().length; k++) {
            if (m.data()[k] != 0f) {
                counts[m.indices()[k]]++;
            }
        }
    }

    private void add(CsrMatrix m, int rowOffset, int[] fill) {
        for (int r = 0; r < m.rows(); r++) {
            for (long k = m.indptr()[r]; k < m.indptr()[r + 1]; k++) {
                float w = m.data()[(int) k];
                if (w != 0f) {
                    int c = m.indices()[(int) k];
                    activeRows[c][fill[c]] = r + rowOffset;
                    weights[c][fill[c]++] = w;
                }
            }
        }
    }

    private void copyLabels(long[] source, int offset) {
        for (int i = 0; i < source.length; i++) {
            labels[offset + i] = Math.toIntExact(source[i]);
        }
    }
}
