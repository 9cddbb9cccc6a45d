package org.splicecbm.decompose;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SolverKernels} on the JDK's Vector API ({@code jdk.incubator.vector}), bit for bit equal to
 * {@link ScalarKernels}: the dot products keep the scalar code's eight accumulators as the eight
 * double lanes of one 512-bit vector (or two 256-bit ones where the CPU has no AVX-512) and combine
 * them in its order; the Gram refresh multiplies and subtracts in separate, equally rounded steps.
 * Loaded only through {@link KernelChoice}, since the module may be absent.
 */
final class VectorKernels implements SolverKernels {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS =
            VectorSpecies.of(short.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 2));
    private static final boolean WIDE = DoubleVector.SPECIES_PREFERRED.length() >= 8;
    private static final VectorSpecies<Double> D8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;

    @Override
    public double dot(float[] a, double[] b) {
        return WIDE ? dotWide(a, b) : dotNarrow(a, b);
    }

    @Override
    public double dot(float[] a, float[] b) {
        return WIDE ? dotWide(a, b) : dotNarrow(a, b);
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, double[] b, double[] out) {
        int m = 0;
        if (WIDE && b.length % 8 == 0) {
            for (; m + 3 < count; m += 4) {
                fourWide(rows[ids[m]], rows[ids[m + 1]], rows[ids[m + 2]], rows[ids[m + 3]], b, out, m);
            }
        }
        for (; m < count; m++) {
            out[m] = dot(rows[ids[m]], b);
        }
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, float[] b, double[] out) {
        int m = 0;
        if (WIDE && b.length % 8 == 0) {
            for (; m + 3 < count; m += 4) {
                fourWide(rows[ids[m]], rows[ids[m + 1]], rows[ids[m + 2]], rows[ids[m + 3]], b, out, m);
            }
        }
        for (; m < count; m++) {
            out[m] = dot(rows[ids[m]], b);
        }
    }

    /** Four dot products with one vector b, each with its own accumulator (the same bits as one at a time). */
    private static void fourWide(float[] a0, float[] a1, float[] a2, float[] a3, double[] b, double[] out, int at) {
        DoubleVector s0 = DoubleVector.zero(D8);
        DoubleVector s1 = DoubleVector.zero(D8);
        DoubleVector s2 = DoubleVector.zero(D8);
        DoubleVector s3 = DoubleVector.zero(D8);
        for (int k = 0; k < b.length; k += 8) {
            DoubleVector bk = DoubleVector.fromArray(D8, b, k);
            s0 = widen8(a0, k).fma(bk, s0);
            s1 = widen8(a1, k).fma(bk, s1);
            s2 = widen8(a2, k).fma(bk, s2);
            s3 = widen8(a3, k).fma(bk, s3);
        }
        out[at] = combine(s0);
        out[at + 1] = combine(s1);
        out[at + 2] = combine(s2);
        out[at + 3] = combine(s3);
    }

    /** As {@link #fourWide(float[], float[], float[], float[], double[], double[], int)}, for a float b. */
    private static void fourWide(float[] a0, float[] a1, float[] a2, float[] a3, float[] b, double[] out, int at) {
        DoubleVector s0 = DoubleVector.zero(D8);
        DoubleVector s1 = DoubleVector.zero(D8);
        DoubleVector s2 = DoubleVector.zero(D8);
        DoubleVector s3 = DoubleVector.zero(D8);
        for (int k = 0; k < b.length; k += 8) {
            DoubleVector bk = widen8(b, k);
            s0 = widen8(a0, k).fma(bk, s0);
            s1 = widen8(a1, k).fma(bk, s1);
            s2 = widen8(a2, k).fma(bk, s2);
            s3 = widen8(a3, k).fma(bk, s3);
        }
        out[at] = combine(s0);
        out[at + 1] = combine(s1);
        out[at + 2] = combine(s2);
        out[at + 3] = combine(s3);
    }

    private static double dotWide(float[] a, double[] b) {
        int n = a.length;
        DoubleVector acc = DoubleVector.zero(D8);
        int k = 0;
        for (; k + 7 < n; k += 8) {
            acc = widen8(a, k).fma(DoubleVector.fromArray(D8, b, k), acc);
        }
        if (k == n) {
            return combine(acc);
        }
        double[] s = acc.toArray();
        for (; k < n; k++) {
            s[0] = Math.fma(a[k], b[k], s[0]);
        }
        return combine(s, s, 4);
    }

    private static double dotWide(float[] a, float[] b) {
        int n = a.length;
        DoubleVector acc = DoubleVector.zero(D8);
        int k = 0;
        for (; k + 7 < n; k += 8) {
            acc = widen8(a, k).fma(widen8(b, k), acc);
        }
        if (k == n) {
            return combine(acc);
        }
        double[] s = acc.toArray();
        for (; k < n; k++) {
            s[0] = Math.fma((double) a[k], b[k], s[0]);
        }
        return combine(s, s, 4);
    }

    private static double dotNarrow(float[] a, double[] b) {
        int n = a.length;
        DoubleVector low = DoubleVector.zero(D4);
        DoubleVector high = DoubleVector.zero(D4);
        int k = 0;
        for (; k + 7 < n; k += 8) {
            low = widen4(a, k).fma(DoubleVector.fromArray(D4, b, k), low);
            high = widen4(a, k + 4).fma(DoubleVector.fromArray(D4, b, k + 4), high);
        }
        double[] s = low.toArray();
        for (; k < n; k++) {
            s[0] = Math.fma(a[k], b[k], s[0]);
        }
        return combine(s, high.toArray(), 0);
    }

    private static double dotNarrow(float[] a, float[] b) {
        int n = a.length;
        DoubleVector low = DoubleVector.zero(D4);
        DoubleVector high = DoubleVector.zero(D4);
        int k = 0;
        for (; k + 7 < n; k += 8) {
            low = widen4(a, k).fma(widen4(b, k), low);
            high = widen4(a, k + 4).fma(widen4(b, k + 4), high);
        }
        double[] s = low.toArray();
        for (; k < n; k++) {
            s[0] = Math.fma((double) a[k], b[k], s[0]);
        }
        return combine(s, high.toArray(), 0);
    }

    /** {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, lanes 0-3 from {@code low}, 4-7 from {@code high[at..]}. */
    private static double combine(double[] low, double[] high, int at) {
        return ((low[0] + low[1]) + (low[2] + low[3])) + ((high[at] + high[at + 1]) + (high[at + 2] + high[at + 3]));
    }

    /** {@code values[from ..]} as floats (exact: every short is a float), as many as a float vector holds. */
    private static FloatVector fixedPoint(short[] values, int from) {
        return (FloatVector) ShortVector.fromArray(SHORTS, values, from).castShape(FLOATS, 0);
    }

    /** The eight lanes summed as {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))} (lane reads, no array). */
    private static double combine(DoubleVector s) {
        return ((s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
    }

    private static DoubleVector widen8(float[] values, int from) {
        return (DoubleVector) FloatVector.fromArray(F8, values, from).convertShape(VectorOperators.F2D, D8, 0);
    }

    private static DoubleVector widen4(float[] values, int from) {
        return (DoubleVector) FloatVector.fromArray(F4, values, from).convertShape(VectorOperators.F2D, D4, 0);
    }

    @Override
    public float blockMax(float[] values, int from, int length) {
        int k = from;
        float result = Float.NEGATIVE_INFINITY;
        if (length >= FLOATS.length()) {
            FloatVector max = FloatVector.fromArray(FLOATS, values, k);
            for (k += FLOATS.length(); k + FLOATS.length() <= from + length; k += FLOATS.length()) {
                max = max.max(FloatVector.fromArray(FLOATS, values, k));
            }
            result = max.reduceLanes(VectorOperators.MAX);
        }
        for (; k < from + length; k++) {
            result = Math.max(result, values[k]);
        }
        return result;
    }

    @Override
    public float maxAtMost(float[] values, int from, int length, float threshold) {
        FloatVector max = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
        int k = from;
        for (int end = from + FLOATS.loopBound(length); k < end; k += FLOATS.length()) {
            FloatVector v = FloatVector.fromArray(FLOATS, values, k);
            max = max.max(v.blend(Float.NEGATIVE_INFINITY, v.compare(VectorOperators.GT, threshold)));
        }
        float result = max.reduceLanes(VectorOperators.MAX);
        for (; k < from + length; k++) {
            float v = values[k];
            result = v <= threshold && v > result ? v : result;
        }
        return result;
    }

    @Override
    public int keepAtLeast(float[] values, int from, int length, float level, int first, int[] keptIds,
                           float[] keptValues, int count) {
        int n = count;
        int m = 0;
        for (int end = FLOATS.loopBound(length); m < end; m += FLOATS.length()) {
            // anyTrue is a single instruction; VectorMask.toLong is not intrinsic before JDK 18
            if (FloatVector.fromArray(FLOATS, values, from + m).compare(VectorOperators.GE, level).anyTrue()) {
                for (int k = m; k < m + FLOATS.length(); k++) {
                    float v = values[from + k];
                    keptIds[n] = first + k;
                    keptValues[n] = v;
                    n += v >= level ? 1 : 0;
                }
            }
        }
        for (; m < length; m++) {
            float v = values[from + m];
            if (v >= level) {
                keptIds[n] = first + m;
                keptValues[n++] = v;
            }
        }
        return n;
    }

    @Override
    public void subtractRows(float[] out, float[] source, int offset, int c, float[] weights, short[][] rows,
                             int count) {
        System.arraycopy(source, offset, out, 0, c);
        int s = 0;
        for (; s + 3 < count; s += 4) {
            subtractFour(out, c, weights, rows, s);
        }
        for (; s < count; s++) {
            subtract(out, c, weights[s], rows[s]);
        }
    }

    @Override
    public void subtractFour(float[] out, int c, float[] weights, short[][] rows, int first) {
        float w0 = weights[first];
        float w1 = weights[first + 1];
        float w2 = weights[first + 2];
        float w3 = weights[first + 3];
        short[] g0 = rows[first];
        short[] g1 = rows[first + 1];
        short[] g2 = rows[first + 2];
        short[] g3 = rows[first + 3];
        int j = 0;
        for (int end = FLOATS.loopBound(c); j < end; j += FLOATS.length()) {
            FloatVector v = FloatVector.fromArray(FLOATS, out, j);
            v = v.sub(fixedPoint(g0, j).mul(w0));
            v = v.sub(fixedPoint(g1, j).mul(w1));
            v = v.sub(fixedPoint(g2, j).mul(w2));
            v = v.sub(fixedPoint(g3, j).mul(w3));
            v.intoArray(out, j);
        }
        for (; j < c; j++) {
            out[j] = (((out[j] - w0 * g0[j]) - w1 * g1[j]) - w2 * g2[j]) - w3 * g3[j];
        }
    }

    @Override
    public void subtractScaled(double[] r, double w, float[] row) {
        int k = 0;
        if (WIDE) {
            for (; k + 7 < r.length; k += 8) {
                DoubleVector.fromArray(D8, r, k).sub(widen8(row, k).mul(w)).intoArray(r, k);
            }
        } else {
            for (; k + 3 < r.length; k += 4) {
                DoubleVector.fromArray(D4, r, k).sub(widen4(row, k).mul(w)).intoArray(r, k);
            }
        }
        for (; k < r.length; k++) {
            r[k] -= w * row[k];
        }
    }

    @Override
    public void subtract(float[] out, int c, float weight, short[] row) {
        int j = 0;
        for (int end = FLOATS.loopBound(c); j < end; j += FLOATS.length()) {
            FloatVector.fromArray(FLOATS, out, j).sub(fixedPoint(row, j).mul(weight)).intoArray(out, j);
        }
        for (; j < c; j++) {
            out[j] -= weight * row[j];
        }
    }
}
