package org.splicecbm.decompose;

/**
 * The dictionary's Gram matrix {@code G = C C^T} in float32, computed once on the engine (blocks of
 * the same float32 product as the correlations, so the same error bound holds per entry) and kept
 * with the solver: row s is {@code c_s C^T}. It costs {@code 4 c^2} bytes (400 MB at c = 10,000), so
 * {@link NonnegativeLasso} builds it only when that fits its budget ({@link SolverOptions#gramBudgetBytes}).
 */
final class GramMatrix {
    private final float[][] rows;

    private GramMatrix(float[][] rows) {
        this.rows = rows;
    }

    /** Bytes a Gram matrix of this many concepts takes. */
    static long bytesFor(int concepts) {
        return 4L * concepts * concepts;
    }

    static GramMatrix compute(ConceptRows concepts, DictionaryCorrelator correlator, int blockRows) {
        int c = concepts.count();
        int dim = concepts.dimension();
        float[][] rows = new float[c][];
        for (int start = 0; start < c; start += blockRows) {
            int end = Math.min(c, start + blockRows);
            float[] block = new float[(end - start) * dim];
            for (int j = start; j < end; j++) {
                System.arraycopy(concepts.rows()[j], 0, block, (j - start) * dim, dim);
            }
            float[] product = correlator.correlate(block, end - start);
            for (int j = start; j < end; j++) {
                rows[j] = java.util.Arrays.copyOfRange(product, (j - start) * c, (j - start + 1) * c);
            }
        }
        return new GramMatrix(rows);
    }

    float[] row(int concept) {
        return rows[concept];
    }
}
