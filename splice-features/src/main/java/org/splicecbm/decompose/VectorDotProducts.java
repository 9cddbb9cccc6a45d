package org.splicecbm.decompose;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact dot products of {@link VectorKernels}: double-precision sums of float32 rows times a double
 * or float vector, bit for bit those of {@link ScalarKernels}. The scalar code's eight accumulators are
 * the eight double lanes of one 512-bit vector (or two 256-bit ones where the CPU has no AVX-512),
 * combined in its order; {@code dots} runs four rows per pass so their (often uncached) reads overlap.
 */
final class VectorDotProducts {
    static final boolean WIDE = DoubleVector.SPECIES_PREFERRED.length() >= 8;
    private static final VectorSpecies<Double> D8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;

    private VectorDotProducts() {}

    static double dot(float[] a, double[] b) {
        return WIDE ? dotWide(a, b) : dotNarrow(a, b);
    }

    static double dot(float[] a, float[] b) {
        return WIDE ? dotWide(a, b) : dotNarrow(a, b);
    }

    static void dots(float[][] rows, int[] ids, int count, double[] b, double[] out) {
        int m = 0;
        if (WIDE && b.length % 8 == 0) {
            for (; m + 3 < count; m += 4) {
                fourWide(rows[ids[m]], rows[ids[m + 1]], rows[ids[m + 2]], rows[ids[m + 3]], b, out, m);
            }
            if (count - m >= 2) {
                // two or three left: one four-row pass (the last row repeated) beats chained single dots
                double[] four = new double[4];
                float[] last = rows[ids[count - 1]];
                fourWide(rows[ids[m]], rows[ids[m + 1]], count - m == 3 ? rows[ids[m + 2]] : last, last, b, four, 0);
                System.arraycopy(four, 0, out, m, count - m);
                m = count;
            }
        }
        for (; m < count; m++) {
            out[m] = dot(rows[ids[m]], b);
        }
    }

    static void dots(float[][] rows, int[] ids, int count, float[] b, double[] out) {
        int m = 0;
        if (WIDE && b.length % 8 == 0) {
            for (; m + 3 < count; m += 4) {
                fourWide(rows[ids[m]], rows[ids[m + 1]], rows[ids[m + 2]], rows[ids[m + 3]], b, out, m);
            }
            if (count - m >= 2) {
                // two or three left: one four-row pass (the last row repeated) beats chained single dots
                double[] four = new double[4];
                float[] last = rows[ids[count - 1]];
                fourWide(rows[ids[m]], rows[ids[m + 1]], count - m == 3 ? rows[ids[m + 2]] : last, last, b, four, 0);
                System.arraycopy(four, 0, out, m, count - m);
                m = count;
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

    /**
     * As {@link #fourWide(float[], float[], float[], float[], double[], double[], int)}, for a float b (the Gram
     * block). Kept apart rather than widening b into a double array first: that copy and the twice-as-wide
     * loads measured 10 % slower for the whole solver.
     */
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

    static DoubleVector widen8(float[] values, int from) {
        return (DoubleVector) FloatVector.fromArray(F8, values, from).convertShape(VectorOperators.F2D, D8, 0);
    }

    static DoubleVector widen4(float[] values, int from) {
        return (DoubleVector) FloatVector.fromArray(F4, values, from).convertShape(VectorOperators.F2D, D4, 0);
    }

    /** The eight lanes summed as {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))} (lane reads, no array). */
    private static double combine(DoubleVector s) {
        return ((s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
    }
}
