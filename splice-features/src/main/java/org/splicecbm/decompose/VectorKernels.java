package org.splicecbm.decompose;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SolverKernels} on the JDK's Vector API ({@code jdk.incubator.vector}), bit for bit equal to
 * {@link ScalarKernels}: the dot products are {@link VectorDotProducts}; the block maxima and the kept
 * values are exact whatever the order; the Gram refresh and the residual update multiply and subtract
 * in separate, equally rounded steps, in the scalar order per value. Loaded only through
 * {@link KernelChoice}, since the module may be absent.
 */
final class VectorKernels implements SolverKernels {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS =
            VectorSpecies.of(short.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 2));
    private static final VectorSpecies<Double> D8 = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

    @Override
    public double dot(float[] a, double[] b) {
        return VectorDotProducts.dot(a, b);
    }

    @Override
    public double dot(float[] a, float[] b) {
        return VectorDotProducts.dot(a, b);
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, double[] b, double[] out) {
        VectorDotProducts.dots(rows, ids, count, b, out);
    }

    @Override
    public void dots(float[][] rows, int[] ids, int count, float[] b, double[] out) {
        VectorDotProducts.dots(rows, ids, count, b, out);
    }

    /** {@code values[from ..]} as floats (exact: every short is a float), as many as a float vector holds. */
    private static FloatVector fixedPoint(short[] values, int from) {
        return (FloatVector) ShortVector.fromArray(SHORTS, values, from).castShape(FLOATS, 0);
    }


    @Override
    public double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        if (!VectorDotProducts.WIDE || length < 16) {
            return ScalarKernels.dot8(a, aFrom, b, bFrom, length); // short: the vector set-up does not pay
        }
        DoubleVector acc = DoubleVector.zero(D8);
        int k = 0;
        for (; k + 7 < length; k += 8) {
            acc = DoubleVector.fromArray(D8, a, aFrom + k).fma(DoubleVector.fromArray(D8, b, bFrom + k), acc);
        }
        double s0 = acc.lane(0);
        for (; k < length; k++) {
            s0 = Math.fma(a[aFrom + k], b[bFrom + k], s0);
        }
        return ((s0 + acc.lane(1)) + (acc.lane(2) + acc.lane(3))) + ((acc.lane(4) + acc.lane(5))
                + (acc.lane(6) + acc.lane(7)));
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
        ScalarKernels.subtractFour(out, j, c, weights, rows, first);
    }

    @Override
    public void subtractScaled(double[] r, double w, float[] row) {
        int k = 0;
        if (VectorDotProducts.WIDE) {
            for (; k + 7 < r.length; k += 8) {
                DoubleVector.fromArray(D8, r, k).sub(VectorDotProducts.widen8(row, k).mul(w)).intoArray(r, k);
            }
        } else {
            for (; k + 3 < r.length; k += 4) {
                DoubleVector.fromArray(D4, r, k).sub(VectorDotProducts.widen4(row, k).mul(w)).intoArray(r, k);
            }
        }
        ScalarKernels.subtractScaled(r, k, w, row);
    }

    @Override
    public void subtract(float[] out, int c, float weight, short[] row) {
        int j = 0;
        for (int end = FLOATS.loopBound(c); j < end; j += FLOATS.length()) {
            FloatVector.fromArray(FLOATS, out, j).sub(fixedPoint(row, j).mul(weight)).intoArray(out, j);
        }
        ScalarKernels.subtract(out, j, c, weight, row);
    }
}
