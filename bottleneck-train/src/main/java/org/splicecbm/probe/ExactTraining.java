package org.splicecbm.probe;

import java.util.Arrays;
import org.splicecbm.config.ProbeConfig;
import org.splicecbm.store.CsrMatrix;

/**
 * Builds the exact solver's problem from a training split and the probe config: scikit-learn's class
 * weights, the suppressed concept columns removed, and checks that every class has training examples.
 */
final class ExactTraining {
    private ExactTraining() {}

    static SoftmaxLasso problem(TrainingData train, ProbeConfig config, int[] suppressedColumns) {
        requireEveryClass(train);
        CsrMatrix features = withoutColumns(train.features(), suppressedColumns);
        return new SoftmaxLasso(features, train.labels(), train.space().numClasses(), classWeights(train, config),
                config.l1(), config.l2(), config.bias());
    }

    /** All 1, or scikit-learn's balanced {@code n / (classes * n_class)}, in double precision as scikit-learn. */
    static double[] classWeights(TrainingData train, ProbeConfig config) {
        int classes = train.space().numClasses();
        double[] weights = new double[classes];
        Arrays.fill(weights, 1);
        if (config.classWeights() == ProbeConfig.ClassWeights.BALANCED) {
            int[] counts = train.classCounts();
            for (int c = 0; c < classes; c++) {
                weights[c] = (double) train.size() / ((double) classes * counts[c]);
            }
        }
        return weights;
    }

    private static void requireEveryClass(TrainingData train) {
        int[] counts = train.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class '" + train.space().classNames().get(c) + "' has no training examples"
                        + " (class counts " + Arrays.toString(counts) + "); every class needs at least one training row:"
                        + " widen the dataset limits or the train split, or drop the class from the dataset");
            }
        }
    }

    private static CsrMatrix withoutColumns(CsrMatrix x, int[] columns) {
        if (columns.length == 0) {
            return x;
        }
        boolean[] drop = ConceptSuppression.mask(x.cols(), columns);
        long[] indptr = new long[x.rows() + 1];
        int kept = 0;
        for (int q = 0; q < x.indices().length; q++) {
            kept += drop[x.indices()[q]] ? 0 : 1;
        }
        int[] indices = new int[kept];
        float[] data = new float[kept];
        int next = 0;
        for (int r = 0; r < x.rows(); r++) {
            for (long q = x.indptr()[r]; q < x.indptr()[r + 1]; q++) {
                if (!drop[x.indices()[(int) q]]) {
                    indices[next] = x.indices()[(int) q];
                    data[next++] = x.data()[(int) q];
                }
            }
            indptr[r + 1] = next;
        }
        return new CsrMatrix(x.rows(), x.cols(), data, indices, indptr);
    }
}
