package org.splicecbm.concepts;


/**
 * SpLiCE's vector formulas (Bhalla et al., NeurIPS 2024, Sec. 4; reference code
 * {@code splice.py}): the centred concept dictionary and the normalisations on the image side.
 * All arithmetic is accumulated in double and rounded to float32 once per value.
 */
public final class DictionaryMath {
    private DictionaryMath() {}

    /**
     * The concept dictionary from raw text embeddings (c x d): L2-normalise each row, subtract the
     * mean of the normalised rows, L2-normalise each row again. A row that is zero after centring
     * stays zero (it cannot be normalised; it can never receive weight).
     *
     * @throws IllegalArgumentException if the input is empty, ragged, not finite, or has a zero row
     */
    public static float[][] centre(float[][] rawTextEmbeddings) {
        InputChecks.requireMatrix("raw text embeddings", rawTextEmbeddings, -1);
        int c = rawTextEmbeddings.length;
        int d = rawTextEmbeddings[0].length;
        double[][] unit = new double[c][];
        double[] mean = new double[d];
        for (int j = 0; j < c; j++) {
            unit[j] = normalizedOrFail(rawTextEmbeddings[j], j);
            for (int k = 0; k < d; k++) {
                mean[k] += unit[j][k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= c;
        }
        float[][] out = new float[c][];
        for (int j = 0; j < c; j++) {
            double[] centred = new double[d];
            for (int k = 0; k < d; k++) {
                centred[k] = unit[j][k] - mean[k];
            }
            out[j] = toFloat(normalizeOrZero(centred));
        }
        return out;
    }

    /** {@code v / ||v||} in double; a zero vector stays zero. */
    public static double[] normalizeOrZero(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] out = new double[v.length];
        if (norm > 0) {
            for (int k = 0; k < v.length; k++) {
                out[k] = v[k] / norm;
            }
        }
        return out;
    }

    /** Float input widened to double. */
    public static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k];
        }
        return out;
    }

    public static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) v[k];
        }
        return out;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Cosine similarity; NaN when either vector is zero (the angle is undefined). */
    public static double cosine(double[] a, double[] b) {
        double denominator = Math.sqrt(dot(a, a) * dot(b, b));
        return denominator > 0 ? dot(a, b) / denominator : Double.NaN;
    }

    private static double[] normalizedOrFail(float[] row, int index) {
        double[] v = widen(row);
        if (dot(v, v) == 0) {
            throw new IllegalArgumentException("raw text embedding row " + index
                    + " is all zeros; a CLIP text embedding is never zero, check the encoder output");
        }
        return normalizeOrZero(v);
    }
}
