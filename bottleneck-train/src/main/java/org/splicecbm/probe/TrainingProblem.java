package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * What a training engine optimises: mean over examples of the class-weighted softmax cross-entropy,
 * plus {@code l1 * |W|_1 + l2/2 * |W|^2} on the weights (never the bias), over the training rows
 * with the suppressed concept columns treated as zero.
 *
 * @param classWeights loss weight of each class (all 1 unless balanced weighting is configured)
 * @param suppressed {@code suppressed[col]} marks concept columns zeroed during training
 */
record TrainingProblem(CsrMatrix features, int[] labels, int classes, float[] classWeights, boolean[] suppressed,
                       ProbeConfig config) {

    int concepts() {
        return features.cols();
    }

    int rows() {
        return labels.length;
    }
}
