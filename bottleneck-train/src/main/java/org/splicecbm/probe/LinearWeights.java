package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * The parameters of the linear softmax classifier: a weight per (concept, class) and a bias per
 * class. Weights are stored concept-major ({@code weights[concept * classes + class]}), the layout
 * of a DL4J dense layer's {@code W} (nIn x nOut) and the one that makes a sparse row's logits a sum
 * of contiguous blocks, one per nonzero concept.
 */
public final class LinearWeights {
    private final int concepts;
    private final int classes;
    final float[] weights;
    final float[] bias;

    LinearWeights(int concepts, int classes, float[] weights, float[] bias) {
        if (weights.length != (long) concepts * classes || bias.length != classes) {
            throw new IllegalArgumentException("weights must be " + concepts + " x " + classes + " and bias " + classes
                    + ", found " + weights.length + " weights and " + bias.length + " biases");
        }
        this.concepts = concepts;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    static LinearWeights zeros(int concepts, int classes) {
        return new LinearWeights(concepts, classes, new float[concepts * classes], new float[classes]);
    }

    LinearWeights copy() {
        return new LinearWeights(concepts, classes, weights.clone(), bias.clone());
    }

    public int concepts() {
        return concepts;
    }

    public int classes() {
        return classes;
    }

    /** Weight of {@code concept} for {@code clazz}. */
    public float weight(int concept, int clazz) {
        return weights[concept * classes + clazz];
    }

    public float bias(int clazz) {
        return bias[clazz];
    }

    /** Writes the logits of {@code row} into {@code out}; columns with {@code ignored[col]} contribute nothing. */
    void logits(CsrMatrix x, int row, boolean[] ignored, float[] out) {
        System.arraycopy(bias, 0, out, 0, classes);
        for (long k = x.indptr()[row], end = x.indptr()[row + 1]; k < end; k++) {
            int col = x.indices()[(int) k];
            if (ignored != null && ignored[col]) {
                continue;
            }
            float value = x.data()[(int) k];
            int base = col * classes;
            for (int c = 0; c < classes; c++) {
                out[c] += value * weights[base + c];
            }
        }
    }

    /** Turns logits into probabilities in place (max-shifted, so large logits do not overflow). */
    static void softmaxInPlace(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = (float) Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] = (float) (z[c] / sum);
        }
    }

    /** Whether no weight or bias is NaN or infinite (training has not diverged). */
    boolean allFinite() {
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                return false;
            }
        }
        for (float b : bias) {
            if (!Float.isFinite(b)) {
                return false;
            }
        }
        return true;
    }

    /** Nonzero weights of each class. */
    public int[] nonzerosPerClass() {
        int[] counts = new int[classes];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0f) {
                counts[i % classes]++;
            }
        }
        return counts;
    }

    /** Concepts with a nonzero weight for any class: the effective size of the bottleneck. */
    public int effectiveConcepts() {
        int count = 0;
        for (int j = 0; j < concepts; j++) {
            for (int c = 0; c < classes; c++) {
                if (weights[j * classes + c] != 0f) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** Sets the weights of the given concept columns to zero for every class. */
    void zeroConcepts(int[] columns) {
        for (int col : columns) {
            java.util.Arrays.fill(weights, col * classes, (col + 1) * classes, 0f);
        }
    }
}
