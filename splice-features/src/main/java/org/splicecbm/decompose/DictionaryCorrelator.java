package org.splicecbm.decompose;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.splicecbm.engine.DjlRuntime;

/**
 * The only engine code of the solver: float32 products {@code R C^T} of a batch of vectors with
 * the whole concept dictionary, which is kept on the DJL engine (so it can move to a GPU).
 *
 * <p>Row counts are zero-padded to a multiple of {@link #ROW_GRANULE}: PyTorch's CPU GEMM switches
 * to other kernels (with another summation order) for fewer than 8 rows and for a partial last
 * row panel (measured: a 1-row product differs in the last bits from the same row inside a
 * 64-row product), so without padding a row's float32 correlations would depend on how many other
 * rows share its product. The solver's answer is already robust to that (the final weights come
 * from an exact double-precision solve on the support), so the padding is a second guard for
 * batch-independent, bit-identical results ({@code NonnegativeLassoDeterminismTest}).
 */
final class DictionaryCorrelator implements AutoCloseable {
    static final int ROW_GRANULE = 16;

    private final NDManager manager;
    private final NDArray transposedDictionary;
    private final int dim;
    private final int concepts;
    private final int blockRows;

    DictionaryCorrelator(float[][] dictionary, int blockRows) {
        DjlRuntime.configure();
        this.concepts = dictionary.length;
        this.dim = dictionary[0].length;
        this.blockRows = roundUp(blockRows);
        this.manager = NDManager.newBaseManager(Device.cpu());
        float[] flat = new float[concepts * dim];
        for (int j = 0; j < concepts; j++) {
            System.arraycopy(dictionary[j], 0, flat, j * dim, dim);
        }
        try (NDArray rows = manager.create(flat, new Shape(concepts, dim))) {
            this.transposedDictionary = rows.transpose().duplicate();
        }
    }

    /**
     * Correlations of {@code count} vectors stored row-major in {@code vectors} (count x d) with
     * every concept: returns count x c values, row-major.
     */
    float[] correlate(float[] vectors, int count) {
        if (count <= blockRows) {
            return product(vectors, count); // one block: no copy
        }
        float[] out = new float[count * concepts];
        for (int start = 0; start < count; start += blockRows) {
            int rows = Math.min(blockRows, count - start);
            float[] block = java.util.Arrays.copyOfRange(vectors, start * dim, (start + rows) * dim);
            System.arraycopy(product(block, rows), 0, out, start * concepts, rows * concepts);
        }
        return out;
    }

    /**
     * Correlations of {@code count <= blockRows} vectors (row-major in {@code vectors}), kept in the
     * engine's memory until the returned block is closed.
     */
    CorrelationBlock block(float[] vectors, int count) {
        if (count > blockRows) {
            throw new IllegalArgumentException("a block holds at most " + blockRows + " rows, asked for " + count);
        }
        NDManager scope = manager.newSubManager();
        try {
            return new CorrelationBlock(scope, multiply(scope, vectors, count).toByteBuffer(true).asFloatBuffer(),
                    concepts);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    /** Correlations of the first {@code rows} vectors; the result may hold extra (padding) rows after them. */
    private float[] product(float[] vectors, int rows) {
        try (NDManager scope = manager.newSubManager()) {
            return multiply(scope, vectors, rows).toFloatArray();
        }
    }

    /** The product of the first {@code rows} vectors, zero-padded to the row granule, with the dictionary, in {@code scope}. */
    private NDArray multiply(NDManager scope, float[] vectors, int rows) {
        int padded = roundUp(rows);
        float[] block = vectors.length == padded * dim ? vectors : java.util.Arrays.copyOf(vectors, padded * dim);
        return scope.create(block, new Shape(padded, dim)).matMul(transposedDictionary);
    }

    private static int roundUp(int rows) {
        return Math.max(1, (rows + ROW_GRANULE - 1) / ROW_GRANULE) * ROW_GRANULE;
    }

    @Override
    public void close() {
        manager.close();
    }
}
