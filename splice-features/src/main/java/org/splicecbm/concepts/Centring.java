package org.splicecbm.concepts;

/**
 * The dictionary formula of SpLiCE (Bhalla et al., NeurIPS 2024, Sec. 4.1; SPLICE.md step 1):
 * normalise each row, subtract the mean row, normalise again. Norms and the mean are accumulated in double
 * so that the mean of tens of thousands of rows keeps float precision; rows stay float to keep memory at c x d x 4 bytes.
 */
final class Centring {
    /** torch.nn.functional.normalize's eps: a zero row stays zero instead of becoming NaN. */
    private static final double EPS = 1e-12;

    private Centring() {}

    /** Returns a new c x d matrix; the input is left untouched. */
    static float[][] normaliseCentreNormalise(float[][] embeddings) {
        int d = embeddings[0].length;
        float[][] rows = new float[embeddings.length][];
        double[] mean = new double[d];
        for (int i = 0; i < embeddings.length; i++) {
            rows[i] = normalised(embeddings[i]);
            for (int j = 0; j < d; j++) {
                mean[j] += rows[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= embeddings.length;
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] = normalisedDifference(rows[i], mean);
        }
        return rows;
    }

    /** {@code v / max(||v||, 1e-12)} as a new array. */
    static float[] normalised(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        double norm = Math.max(Math.sqrt(sq), EPS);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (v[j] / norm);
        }
        return out;
    }

    private static float[] normalisedDifference(float[] v, double[] mean) {
        double[] diff = new double[v.length];
        double sq = 0;
        for (int j = 0; j < v.length; j++) {
            diff[j] = v[j] - mean[j];
            sq += diff[j] * diff[j];
        }
        double norm = Math.max(Math.sqrt(sq), EPS);
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (diff[j] / norm);
        }
        return out;
    }
}
