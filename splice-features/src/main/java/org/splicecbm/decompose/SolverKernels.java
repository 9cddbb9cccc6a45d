package org.splicecbm.decompose;

/**
 * The solver's innermost loops: exact double-precision dot products of float32 rows, the largest
 * value of a block of correlations, and the Gram refresh {@code out -= w g}. Two implementations
 * give the same bits for every input: {@link ScalarKernels} (plain Java) and {@link VectorKernels}
 * (the JDK's SIMD Vector API, several times faster), which is used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code ./splice} launcher, the build's tests and
 * Spark executors do). Sameness holds because both keep the same eight FMA accumulators (lane i sums
 * the terms {@code k = i mod 8}) and combine them in the same order, and the refresh rounds the
 * product and the difference separately, as Java does.
 */
interface SolverKernels {
    /** The implementation this JVM can run: vectors if the incubator module is present, else scalar. */
    SolverKernels BEST = KernelChoice.best();

    /** {@code a . b} in double; the eight-lane summation order of {@link ScalarKernels#dot(float[], double[])}. */
    double dot(float[] a, double[] b);

    /** {@code a . b} of two float rows, accumulated in double the same way. */
    double dot(float[] a, float[] b);

    /**
     * {@code out[m] = rows[ids[m]] . b} for m < count, each exactly as {@link #dot(float[], double[])}
     * computes it; several rows per pass so their memory reads overlap (rows are often not in cache).
     */
    void dots(float[][] rows, int[] ids, int count, double[] b, double[] out);

    /** {@code out[m] = rows[ids[m]] . b} for m < count, each exactly as {@link #dot(float[], float[])} computes it. */
    void dots(float[][] rows, int[] ids, int count, float[] b, double[] out);

    /**
     * {@code a[aFrom ..] . b[bFrom ..]} over {@code length} doubles, in eight lanes (lane i sums the terms
     * {@code k = i mod 8} in order, then {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}): the
     * short inner products of the support's Cholesky factor, which one running sum would chain.
     */
    double dot(double[] a, int aFrom, double[] b, int bFrom, int length);

    /** The largest of {@code values[from .. from + length)}, length >= 1 (NaN never occurs: inputs are finite). */
    float blockMax(float[] values, int from, int length);

    /**
     * Appends, in index order, the values of {@code values[from .. from + length)} that are at least
     * {@code level} to {@code keptValues}, and their concept ids ({@code first} + position) to
     * {@code keptIds}, from slot {@code count} on (room for {@code length} more is the caller's);
     * returns the new count.
     */
    int keepAtLeast(float[] values, int from, int length, float level, int first, int[] keptIds, float[] keptValues,
                    int count);

    /**
     * {@code out[j] = source[offset + j] - w_0 g_0[j] - ... - w_{count-1} g_{count-1}[j]}, the subtractions in
     * that order, each product and difference rounded to float (g: fixed-point Gram rows).
     */
    default void subtractRows(float[] out, float[] source, int offset, int c, float[] weights, short[][] rows,
                              int count) {
        System.arraycopy(source, offset, out, 0, c);
        int s = 0;
        for (; s + 3 < count; s += 4) {
            subtractFour(out, c, weights, rows, s); // four rows per pass: a quarter of the loads and stores of out
        }
        for (; s < count; s++) {
            subtract(out, c, weights[s], rows[s]);
        }
    }

    /** {@code out[j] = (((out[j] - w0 g0[j]) - w1 g1[j]) - w2 g2[j]) - w3 g3[j]} for j < c, rows {@code first ..}. */
    void subtractFour(float[] out, int c, float[] weights, short[][] rows, int first);

    /** {@code out[j] -= w g[j]} for j < c. */
    void subtract(float[] out, int c, float weight, short[] row);

    /** {@code r[k] -= w row[k]} in double, for every k. */
    void subtractScaled(double[] r, double w, float[] row);
}
