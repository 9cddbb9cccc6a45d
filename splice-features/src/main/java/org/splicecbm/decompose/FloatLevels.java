package org.splicecbm.decompose;

/**
 * Double thresholds as float32 levels with the same meaning for float values: {@code v >= x} exactly
 * when {@code v >= atLeast(x)}, and {@code v <= x} exactly when {@code v <= atMost(x)}, so the SIMD
 * compares of {@link SolverKernels} decide as the double compares would.
 */
final class FloatLevels {
    private FloatLevels() {}

    /** The smallest float not below x. */
    static float atLeast(double x) {
        float f = (float) x;
        return f < x ? Math.nextUp(f) : f;
    }

    /** The largest float not above x. */
    static float atMost(double x) {
        float f = (float) x;
        return f > x ? Math.nextDown(f) : f;
    }
}
