package org.splicecbm.probe;

import java.util.Arrays;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.store.CsrMatrix;

/**
 * Builds the exact solver's problem from a training split and the probe config: scikit-learn's class
 * weights, the suppressed concept columns removed, and checks that every class has training examples.
 */
final class ExactTraining {
    private ExactTraining() {}

    /**
     * Trains at {@code config.l1()} / {@code config.l2()} to the certified optimum; the summary's single entry
     * records the objective, validation metrics, sparsity and time.
     */
    static TrainedProbe train(TrainingData train, TrainingData val, ProbeConfig config, int[] suppressed) {
        return probe(train, val, config, suppressed, fit(train, config, suppressed));
    }

    static ExactFit fit(TrainingData train, ProbeConfig config, int[] suppressed) {
        SoftmaxLasso problem = problem(train, config, trainingSuppression(config, suppressed));
        ExactFit fit;
        try (GradientKernel kernel = kernel(problem, config.kernel())) {
            fit = solver(config).solve(problem, kernel);
        }
        requireCertified(fit);
        return fit;
    }

    static TrainedProbe probe(TrainingData train, TrainingData val, ProbeConfig config, int[] suppressed, ExactFit fit) {
        LinearWeights weights = fit.toLinearWeights();
        double[] valScore = val == null ? new double[] {Double.NaN, Double.NaN}
                : Scoring.lossAndAccuracy(weights, val, ProbeTrainer.classWeights(train, config),
                        ConceptSuppression.mask(train.space().numConcepts(), trainingSuppression(config, suppressed)));
        EpochMetrics metrics = new EpochMetrics(1, fit.objective(), valScore[0], valScore[1], fit.nonzeros(),
                fit.effectiveConcepts(), fit.seconds());
        return new TrainedProbe(train.space(), weights, config.withL1(fit.l1()), suppressed,
                new TrainingSummary(1, java.util.List.of(metrics)));
    }

    /** The suppressed columns that are removed while training ({@code probe.suppress_at: train|both}). */
    static int[] trainingSuppression(ProbeConfig config, int[] suppressed) {
        return config.suppressAt().atTrain() ? suppressed : new int[0];
    }

    static ExactSolver solver(ProbeConfig config) {
        return ExactSolver.builder().optTolerance(config.tolerance()).build();
    }

    static GradientKernel kernel(SoftmaxLasso problem, ProbeConfig.Kernel kind) {
        return kind == ProbeConfig.Kernel.JAVA ? new JavaGradientKernel(problem) : new Nd4jGradientKernel(problem);
    }

    static void requireCertified(ExactFit fit) {
        if (!fit.certified()) {
            throw new IllegalStateException("the exact probe solver stopped after " + fit.outerIterations()
                    + " rounds with KKT violation " + fit.kktViolation() + " > probe.tolerance " + fit.tolerance()
                    + " at l1 " + fit.l1() + "; raise probe.tolerance or check the features for extreme values");
        }
    }

    static SoftmaxLasso problem(TrainingData train, ProbeConfig config, int[] suppressedColumns) {
        if (config.l1() == 0 && config.l2() == 0) {
            throw new IllegalArgumentException("probe.l1 and probe.l2 are both 0: without a penalty the softmax probe has"
                    + " no finite optimum on separable features, so the exact solver cannot certify one; set probe.l1 > 0"
                    + " (or probe.l2 > 0), or use probe.solver: minibatch for an unpenalised fit");
        }
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
