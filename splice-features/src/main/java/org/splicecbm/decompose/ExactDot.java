package org.splicecbm.decompose;

/**
 * Double-precision inner products of float32 dictionary rows. A product of two floats is exact in
 * double, so these are the accurate values that the float32 engine products are checked against.
 * Eight independent accumulators let the JIT overlap the additions (a single running sum is bound
 * by the add latency).
 */
final class ExactDot {
    private ExactDot() {}

    /** {@code a . b} for a float row and a double vector of the same length. */
    static double of(float[] a, double[] b) {
        int n = a.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
            s4 += a[k + 4] * b[k + 4];
            s5 += a[k + 5] * b[k + 5];
            s6 += a[k + 6] * b[k + 6];
            s7 += a[k + 7] * b[k + 7];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code a . b} for two float rows, accumulated in double. */
    static double of(float[] a, float[] b) {
        int n = a.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += (double) a[k] * b[k];
            s1 += (double) a[k + 1] * b[k + 1];
            s2 += (double) a[k + 2] * b[k + 2];
            s3 += (double) a[k + 3] * b[k + 3];
            s4 += (double) a[k + 4] * b[k + 4];
            s5 += (double) a[k + 5] * b[k + 5];
            s6 += (double) a[k + 6] * b[k + 6];
            s7 += (double) a[k + 7] * b[k + 7];
        }
        for (; k < n; k++) {
            s0 += (double) a[k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
