package org.splicecbm.decompose;

/**
 * Double-precision inner products of float32 dictionary rows. A product of two floats is exact in
 * double, so these are the accurate values that the float32 engine products are checked against.
 * Eight independent fused multiply-add chains let the CPU overlap them (a single running sum is
 * bound by the add latency); measured ~25% faster than separate multiply and add here.
 */
final class ExactDot {
    private ExactDot() {}

    /** {@code a . b} for a float row and a double vector of the same length. */
    static double of(float[] a, double[] b) {
        int n = a.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 = Math.fma(a[k], b[k], s0);
            s1 = Math.fma(a[k + 1], b[k + 1], s1);
            s2 = Math.fma(a[k + 2], b[k + 2], s2);
            s3 = Math.fma(a[k + 3], b[k + 3], s3);
            s4 = Math.fma(a[k + 4], b[k + 4], s4);
            s5 = Math.fma(a[k + 5], b[k + 5], s5);
            s6 = Math.fma(a[k + 6], b[k + 6], s6);
            s7 = Math.fma(a[k + 7], b[k + 7], s7);
        }
        for (; k < n; k++) {
            s0 = Math.fma(a[k], b[k], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code a . b} for two float rows, accumulated in double. */
    static double of(float[] a, float[] b) {
        int n = a.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 = Math.fma((double) a[k], b[k], s0);
            s1 = Math.fma((double) a[k + 1], b[k + 1], s1);
            s2 = Math.fma((double) a[k + 2], b[k + 2], s2);
            s3 = Math.fma((double) a[k + 3], b[k + 3], s3);
            s4 = Math.fma((double) a[k + 4], b[k + 4], s4);
            s5 = Math.fma((double) a[k + 5], b[k + 5], s5);
            s6 = Math.fma((double) a[k + 6], b[k + 6], s6);
            s7 = Math.fma((double) a[k + 7], b[k + 7], s7);
        }
        for (; k < n; k++) {
            s0 = Math.fma((double) a[k], b[k], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
