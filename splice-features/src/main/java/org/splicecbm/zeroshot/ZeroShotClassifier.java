package org.splicecbm.zeroshot;

/**
 * CLIP zero-shot classification: each image goes to the class whose prompt embedding has the largest
 * cosine similarity with it (Radford et al., 2021; the classifier of SpLiCE's zero-shot study, Bhalla et
 * al., NeurIPS 2024, Sec. 5.1). Ties go to the lower label. An all-zero image embedding has no
 * direction and gets no class ({@link #NO_CLASS}), which counts as a miss.
 */
public final class ZeroShotClassifier {
    /** The prediction for an all-zero image embedding. */
    public static final int NO_CLASS = -1;
    private final double[][] classDirections;

    /** @param classEmbeddings one (not necessarily normalised) text embedding per class, in label order */
    public ZeroShotClassifier(float[][] classEmbeddings) {
        if (classEmbeddings.length < 2) {
            throw new IllegalArgumentException("zero-shot classification needs at least 2 class embeddings, found "
                    + classEmbeddings.length);
        }
        classDirections = new double[classEmbeddings.length][];
        for (int c = 0; c < classEmbeddings.length; c++) {
            double[] v = finiteRow("class embedding", classEmbeddings[c], c, classEmbeddings[0].length);
            double norm = Math.sqrt(dot(v, v));
            if (norm == 0) {
                throw new IllegalArgumentException("class embedding " + c + " is all zeros, so no image can be compared"
                        + " with it; check the text tower and the prompt of class " + c);
            }
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
            classDirections[c] = v;
        }
    }

    public int classes() {
        return classDirections.length;
    }

    public int dim() {
        return classDirections[0].length;
    }

    /** The predicted class of each image embedding (raw or normalised: the argmax of the cosine does not depend on it). */
    public int[] predict(float[][] imageEmbeddings) {
        int[] out = new int[imageEmbeddings.length];
        for (int i = 0; i < imageEmbeddings.length; i++) {
            out[i] = predictOne(finiteRow("image embedding", imageEmbeddings[i], i, dim()));
        }
        return out;
    }

    private int predictOne(double[] image) {
        if (dot(image, image) == 0) {
            return NO_CLASS;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classDirections.length; c++) {
            double score = dot(classDirections[c], image);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static double[] finiteRow(String what, float[] row, int index, int dim) {
        if (row.length != dim) {
            throw new IllegalArgumentException(what + " " + index + " has " + row.length + " values, expected " + dim
                    + " (image and text embeddings must come from the same backbone)");
        }
        double[] v = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            if (!Float.isFinite(row[k])) {
                throw new IllegalArgumentException(what + " " + index + " has a non-finite value " + row[k] + " at " + k
                        + "; re-create the embeddings (a corrupt cache or a numerically broken model)");
            }
            v[k] = row[k];
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
