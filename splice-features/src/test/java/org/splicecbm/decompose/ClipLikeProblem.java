package org.splicecbm.decompose;

import java.util.Random;
import org.splicecbm.concepts.DictionaryMath;

/**
 * Synthetic data shaped like SpLiCE's: raw "text embeddings" that share a strong common direction
 * and a low-rank topic structure (as CLIP text embeddings do), centred and normalised like SpLiCE's
 * dictionary, and unit targets that are sparse nonnegative mixes of a few concepts plus noise.
 * Seeded, so every run sees the same numbers.
 */
public final class ClipLikeProblem {
    public final float[][] dictionary;
    public final float[][] targets;

    private ClipLikeProblem(float[][] dictionary, float[][] targets) {
        this.dictionary = dictionary;
        this.targets = targets;
    }

    /**
     * @param mixSize   concepts per target
     * @param noiseRatio noise norm relative to the mix's norm
     */
    public static ClipLikeProblem generate(int concepts, int dim, int targets, int mixSize, double noiseRatio,
                                           long seed) {
        Random random = new Random(seed);
        int topics = 16;
        double[] common = gaussian(random, dim, 1);
        double[][] topicDirections = new double[topics][];
        for (int t = 0; t < topics; t++) {
            topicDirections[t] = gaussian(random, dim, 1);
        }
        float[][] raw = new float[concepts][dim];
        for (int j = 0; j < concepts; j++) {
            double[] v = gaussian(random, dim, 0.6);
            for (int k = 0; k < dim; k++) {
                v[k] += 1.5 * common[k];
            }
            for (int t = 0; t < topics; t++) {
                double a = random.nextGaussian() * 0.35;
                for (int k = 0; k < dim; k++) {
                    v[k] += a * topicDirections[t][k];
                }
            }
            raw[j] = DictionaryMath.toFloat(v);
        }
        float[][] dictionary = DictionaryMath.centre(raw);
        float[][] z = new float[targets][];
        for (int i = 0; i < targets; i++) {
            z[i] = mixTarget(random, dictionary, mixSize, noiseRatio);
        }
        return new ClipLikeProblem(dictionary, z);
    }

    /** Gaussian random matrix rows normalised to unit length (an unstructured dictionary). */
    public static float[][] gaussianRows(int rows, int dim, long seed) {
        Random random = new Random(seed);
        float[][] out = new float[rows][];
        for (int j = 0; j < rows; j++) {
            out[j] = DictionaryMath.toFloat(DictionaryMath.normalizeOrZero(gaussian(random, dim, 1)));
        }
        return out;
    }

    private static float[] mixTarget(Random random, float[][] dictionary, int mixSize, double noiseRatio) {
        int dim = dictionary[0].length;
        double[] v = new double[dim];
        for (int m = 0; m < mixSize; m++) {
            int j = random.nextInt(dictionary.length);
            double a = 0.5 + random.nextDouble();
            for (int k = 0; k < dim; k++) {
                v[k] += a * dictionary[j][k];
            }
        }
        double norm = Math.sqrt(DictionaryMath.dot(v, v));
        double[] noise = DictionaryMath.normalizeOrZero(gaussian(random, dim, 1));
        for (int k = 0; k < dim; k++) {
            v[k] += noiseRatio * norm * noise[k];
        }
        return DictionaryMath.toFloat(DictionaryMath.normalizeOrZero(v));
    }

    private static double[] gaussian(Random random, int dim, double scale) {
        double[] v = new double[dim];
        for (int k = 0; k < dim; k++) {
            v[k] = random.nextGaussian() * scale / Math.sqrt(dim);
        }
        return v;
    }
}
