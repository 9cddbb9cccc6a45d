package org.splicecbm.analysis.retrieval;

/**
 * Recall@k within one subset of n image-caption pairs (pair i = image i, caption i), both directions, from
 * unit-norm embeddings: image->text recall@k is the share of images whose own caption is among the k most
 * cosine-similar captions of the subset (the reference's {@code argsort(logits)[-k:]}); text->image likewise.
 * A competitor counts as ahead only when strictly more similar.
 */
public final class RecallAtK {
    /** The k of recall@k reported everywhere, as in the reference. */
    public static final int[] KS = {1, 5, 10};

    private RecallAtK() {}

    /**
     * @param images unit-norm image embeddings of the subset (rows)
     * @param texts  unit-norm caption embeddings, same order
     * @return [0][j] image->text recall@KS[j], [1][j] text->image recall@KS[j]
     */
    public static double[][] of(float[][] images, float[][] texts) {
        int n = images.length;
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                similarity[i][j] = dot(images[i], texts[j]);
            }
        }
        double[][] recall = new double[2][KS.length];
        for (int i = 0; i < n; i++) {
            int imageRank = 0;
            int textRank = 0;
            for (int j = 0; j < n; j++) {
                imageRank += similarity[i][j] > similarity[i][i] ? 1 : 0;
                textRank += similarity[j][i] > similarity[i][i] ? 1 : 0;
            }
            for (int k = 0; k < KS.length; k++) {
                recall[0][k] += imageRank < KS[k] ? 1.0 / n : 0;
                recall[1][k] += textRank < KS[k] ? 1.0 / n : 0;
            }
        }
        return recall;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
