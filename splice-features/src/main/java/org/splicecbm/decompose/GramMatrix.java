package org.splicecbm.decompose;

/**
 * The dictionary's Gram matrix {@code G = C C^T}, computed once on the engine (blocks of the same
 * float32 product as the correlations, so the same error bound holds per entry) and kept with the
 * solver as 16-bit fixed point: entry {@code G_js} is stored as {@code q_js = round(G_js / step)} with
 * {@code step = 1.001 max_j ||c_j||^2 / 32767}, which every entry fits (Cauchy-Schwarz plus the float
 * error), so each stored value is within {@code step / 2} of the float32 entry (1.5e-5 for unit-norm
 * concepts, a quarter of the float32 product's own bound). Half the bytes of float32: the Gram
 * refreshes read {@code |S|} rows per round and are limited by memory bandwidth, and the matrix
 * costs {@code 2 c^2} bytes (200 MB at c = 10,000), so {@link NonnegativeLasso} builds it only when
 * that fits its budget ({@link SolverOptions#gramBudgetBytes}).
 */
final class GramMatrix {
    private static final int LEVELS = Short.MAX_VALUE;
    /** Headroom over {@code max ||c||^2} for the float32 product's error (far below 1e-3 relative). */
    private static final double HEADROOM = 1.001;

    private final short[][] rows;
    private final double step;

    private GramMatrix(short[][] rows, double step) {
        this.rows = rows;
        this.step = step;
    }

    /** Bytes a Gram matrix of this many concepts takes. */
    static long bytesFor(int concepts) {
        return 2L * concepts * concepts;
    }

    static GramMatrix compute(ConceptRows concepts, DictionaryCorrelator correlator, int blockRows) {
        int c = concepts.count();
        int dim = concepts.dimension();
        double largest = concepts.maxNorm() * concepts.maxNorm() * HEADROOM;
        double step = largest > 0 ? largest / LEVELS : 1;
        short[][] rows = new short[c][];
        for (int start = 0; start < c; start += blockRows) {
            int end = Math.min(c, start + blockRows);
            float[] block = new float[(end - start) * dim];
            for (int j = start; j < end; j++) {
                System.arraycopy(concepts.rows()[j], 0, block, (j - start) * dim, dim);
            }
            float[] product = correlator.correlate(block, end - start);
            for (int j = start; j < end; j++) {
                rows[j] = quantise(product, (j - start) * c, c, step);
            }
        }
        return new GramMatrix(rows, step);
    }

    private static short[] quantise(float[] values, int from, int count, double step) {
        short[] out = new short[count];
        double perStep = 1 / step;
        for (int k = 0; k < count; k++) {
            double q = Math.rint(values[from + k] * perStep);
            if (Math.abs(q) > LEVELS) {
                throw new IllegalStateException("Gram entry " + values[from + k] + " exceeds the fixed-point range "
                        + LEVELS * step + "; the dictionary rows' norms were computed wrongly");
            }
            out[k] = (short) q;
        }
        return out;
    }

    /** Row s in fixed point: {@code G_s,j ~ row[j] * step()}. */
    short[] row(int concept) {
        return rows[concept];
    }

    /** The value of one fixed-point unit; every stored entry is within half of it of the float32 entry. */
    double step() {
        return step;
    }
}
