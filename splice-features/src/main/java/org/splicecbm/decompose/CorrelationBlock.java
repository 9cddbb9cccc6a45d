package org.splicecbm.decompose;

import ai.djl.ndarray.NDManager;
import java.nio.FloatBuffer;

/**
 * The engine's product of a block of targets with the dictionary, left in the engine's memory: each
 * worker copies the row it solves ({@link #copyRow}) instead of the caller copying the whole block
 * (80 MB for 2048 rows at c = 10,000) into one Java array while the other cores wait. Absolute reads
 * do not move the buffer's position, so threads may copy rows concurrently. Closing frees the product.
 */
final class CorrelationBlock implements AutoCloseable {
    private final NDManager scope;
    private final FloatBuffer values;
    private final int concepts;

    CorrelationBlock(NDManager scope, FloatBuffer values, int concepts) {
        this.scope = scope;
        this.values = values;
        this.concepts = concepts;
    }

    /** Copies row {@code row}'s c correlations into {@code out[0 .. c)}. */
    void copyRow(int row, float[] out) {
        values.get(row * concepts, out, 0, concepts);
    }

    @Override
    public void close() {
        scope.close();
    }
}
