package org.splicecbm.concepts;

/**
 * Streams image embeddings into their SpLiCE image mean: each embedding is L2-normalised, then averaged
 * (in double), so a dataset never has to be held in memory.
 */
public final class ImageMeanAccumulator {
    private final double[] sum;
    private long count;

    public ImageMeanAccumulator(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("embedding width must be > 0, found " + dim);
        }
        this.sum = new double[dim];
    }

    /** Adds one raw (not yet normalised) image embedding. */
    public void add(float[] embedding) {
        if (embedding.length != sum.length) {
            throw new IllegalArgumentException("image embedding " + count + " has " + embedding.length
                    + " values, expected " + sum.length);
        }
        double sq = 0;
        for (float x : embedding) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("image embedding " + count + " holds a non-finite value");
            }
            sq += (double) x * x;
        }
        double norm = Math.max(Math.sqrt(sq), 1e-12);
        for (int j = 0; j < sum.length; j++) {
            sum[j] += embedding[j] / norm;
        }
        count++;
    }

    /** Adds a batch of raw image embeddings, one per row. */
    public void addAll(float[][] embeddings) {
        for (float[] row : embeddings) {
            add(row);
        }
    }

    /** Number of embeddings added so far. */
    public long count() {
        return count;
    }

    /** The mean so far, labelled {@code dataset:<datasetName>,<count>}. */
    public ImageMean finish(String datasetName) {
        if (count == 0) {
            throw new IllegalStateException("no image embeddings were added for dataset " + datasetName
                    + "; an image mean needs at least one image");
        }
        float[] mean = new float[sum.length];
        for (int j = 0; j < sum.length; j++) {
            mean[j] = (float) (sum[j] / count);
        }
        return new ImageMean(mean, "dataset:" + datasetName + "," + count);
    }
}
