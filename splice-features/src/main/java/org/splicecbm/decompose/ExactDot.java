package org.splicecbm.decompose;

/**
 * Double-precision inner products of float32 dictionary rows. A product of two floats is exact in
 * double, so these are the accurate values that the float32 engine products are checked against.
 * The loops are {@link SolverKernels}: SIMD when the JVM has the vector module, with the same bits either way.
 */
final class ExactDot {
    private static final SolverKernels KERNELS = SolverKernels.BEST;

    private ExactDot() {}

    /** {@code a . b} for a float row and a double vector of the same length. */
    static double of(float[] a, double[] b) {
        return KERNELS.dot(a, b);
    }

    /** {@code a . b} for two float rows, accumulated in double. */
    static double of(float[] a, float[] b) {
        return KERNELS.dot(a, b);
    }
}
