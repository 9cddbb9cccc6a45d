package org.splicecbm.decompose;

/**
 * {@link SolverKernels} in plain Java: the reference for {@link VectorKernels}, and what runs when
 * the JVM lacks the vector module. Eight independent FMA chains let the CPU overlap the dot
 * products' additions (a single running sum is bound by the add latency).
 */
final class ScalarKernels implements SolverKernels {
    @Override
    public double dot(float[] a, double[] b) {
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

    @Override
    public double dot(float[] a, float[] b) {
        return dot(a, widen(b)); // a float times a widened float is the same exact product
    }

    /** The values as doubles (exact). */
    static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            wide[k] = values[k];
        }
        return wide;
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, double[] b, double[] out) {
        for (int m = 0; m < count; m++) {
            out[m] = dot(rows[ids[m]], b);
        }
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, float[] b, double[] out) {
        dots(rows, ids, count, widen(b), out);
    }

    @Override
    public double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        return dot8(a, aFrom, b, bFrom, length);
    }

    /** {@link #dot(double[], int, double[], int, int)}, for {@link VectorKernels}' short products too. */
    static double dot8(double[] a, int aFrom, double[] b, int bFrom, int length) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 7 < length; k += 8) {
            s0 = Math.fma(a[aFrom + k], b[bFrom + k], s0);
            s1 = Math.fma(a[aFrom + k + 1], b[bFrom + k + 1], s1);
            s2 = Math.fma(a[aFrom + k + 2], b[bFrom + k + 2], s2);
            s3 = Math.fma(a[aFrom + k + 3], b[bFrom + k + 3], s3);
            s4 = Math.fma(a[aFrom + k + 4], b[bFrom + k + 4], s4);
            s5 = Math.fma(a[aFrom + k + 5], b[bFrom + k + 5], s5);
            s6 = Math.fma(a[aFrom + k + 6], b[bFrom + k + 6], s6);
            s7 = Math.fma(a[aFrom + k + 7], b[bFrom + k + 7], s7);
        }
        for (; k < length; k++) {
            s0 = Math.fma(a[aFrom + k], b[bFrom + k], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public float blockMax(float[] values, int from, int length) {
        // Math.max, as the vector lanes do: +0 above -0 whatever the order, so both give the same bits
        float m0 = Float.NEGATIVE_INFINITY;
        float m1 = Float.NEGATIVE_INFINITY;
        int k = from;
        for (; k + 1 < from + length; k += 2) {
            m0 = Math.max(m0, values[k]);
            m1 = Math.max(m1, values[k + 1]);
        }
        for (; k < from + length; k++) {
            m0 = Math.max(m0, values[k]);
        }
        return Math.max(m0, m1);
    }

    @Override
    public int keepAtLeast(float[] values, int from, int length, float level, int first, int[] keptIds,
                           float[] keptValues, int count) {
        int n = count;
        for (int m = 0; m < length; m++) {
            float v = values[from + m];
            keptIds[n] = first + m;
            keptValues[n] = v;
            n += v >= level ? 1 : 0; // branch-free: kept values are scattered
        }
        return n;
    }

    @Override
    public void subtractFour(float[] out, int c, float[] weights, short[][] rows, int first) {
        subtractFour(out, 0, c, weights, rows, first);
    }

    /** {@link #subtractFour(float[], int, float[], short[][], int)} for {@code from <= j < c}. */
    static void subtractFour(float[] out, int from, int c, float[] weights, short[][] rows, int first) {
        float w0 = weights[first];
        float w1 = weights[first + 1];
        float w2 = weights[first + 2];
        float w3 = weights[first + 3];
        short[] g0 = rows[first];
        short[] g1 = rows[first + 1];
        short[] g2 = rows[first + 2];
        short[] g3 = rows[first + 3];
        for (int j = from; j < c; j++) {
            out[j] = (((out[j] - w0 * g0[j]) - w1 * g1[j]) - w2 * g2[j]) - w3 * g3[j];
        }
    }

    @Override
    public void subtractScaled(double[] r, double w, float[] row) {
        subtractScaled(r, 0, w, row);
    }

    /** {@link #subtractScaled(double[], double, float[])} for {@code k >= from}. */
    static void subtractScaled(double[] r, int from, double w, float[] row) {
        for (int k = from; k < r.length; k++) {
            r[k] -= w * row[k];
        }
    }

    @Override
    public void subtract(float[] out, int c, float weight, short[] row) {
        subtract(out, 0, c, weight, row);
    }

    /** {@link #subtract(float[], int, float, short[])} for {@code from <= j < c}. */
    static void subtract(float[] out, int from, int c, float weight, short[] row) {
        for (int j = from; j < c; j++) {
            out[j] -= weight * row[j];
        }
    }
}
