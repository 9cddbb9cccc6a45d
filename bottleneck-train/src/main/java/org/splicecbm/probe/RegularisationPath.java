package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.probe.PathConfig;
import org.splicecbm.probe.ProbeConfig;

/**
 * The probe's regularisation path: the exact solver at a decreasing sequence of L1 penalties, each solve
 * warm-started from the previous optimum (glmnet's pathwise strategy; Friedman, Hastie &amp; Tibshirani 2010).
 * Penalties are {@code probe.path.penalties} when given, else {@code probe.path.count} log-spaced values from
 * the smallest penalty that zeroes every weight down to {@code probe.path.min_ratio} of it. {@code probe.l2}
 * stays fixed along the path (an elastic-net path at a fixed L2 term).
 */
public final class RegularisationPath {
    private RegularisationPath() {}

    /**
     * Solves the path of {@code config.path()} on {@code train}; scores every point on {@code val} and
     * {@code test} (either may be null).
     */
    public static PathResult solve(TrainingData train, TrainingData val, TrainingData test, ProbeConfig config) {
        PathConfig path = config.path();
        for (int target : path.necTargets()) {
            if (target > train.space().numConcepts()) {
                throw new IllegalArgumentException("probe.path.nec_targets has " + target + ", more than the "
                        + train.space().numConcepts() + " concepts of the feature set; NEC counts nonzero weights per class,"
                        + " so a target must be at most the number of concepts");
            }
        }
        int[] suppressed = ConceptSuppression.resolve(train.space().concepts(), config.suppressConcepts());
        SoftmaxLasso base = ExactTraining.problem(train, config, ExactTraining.trainingSuppression(config, suppressed));
        try (GradientKernel kernel = ExactTraining.kernel(base, config.kernel())) {
            double zeroing = base.zeroingPenalty(kernel);
            List<Double> penalties = path.penalties().isEmpty()
                    ? logSpaced(zeroing, path.minRatio(), path.count()) : descending(path.penalties());
            return walk(train, val, test, config, suppressed, base, kernel, zeroing, penalties);
        }
    }

    private static PathResult walk(TrainingData train, TrainingData val, TrainingData test, ProbeConfig config,
                                   int[] suppressed, SoftmaxLasso base, GradientKernel kernel, double zeroing,
                                   List<Double> penalties) {
        ExactSolver solver = ExactTraining.solver(config);
        double[] weights = new double[base.concepts() * base.classes];
        double[] bias = base.nullBias();
        List<PathPoint> points = new ArrayList<>();
        List<TrainedProbe> probes = new ArrayList<>();
        for (double l1 : penalties) {
            ExactFit fit = solver.solve(new SoftmaxLasso(base, l1, config.l2()), kernel, weights, bias);
            ExactTraining.requireCertified(fit);
            weights = fit.weights();
            bias = fit.bias();
            TrainedProbe probe = ExactTraining.probe(train, val, config, suppressed, fit);
            Evaluation onVal = val == null ? null : Evaluation.of(probe, val);
            Evaluation onTest = test == null ? null : Evaluation.of(probe, test);
            points.add(new PathPoint(l1, fit.nonzeros(), fit.effectiveConcepts(), fit.nec(), fit.objective(),
                    fit.kktViolation(), onVal == null ? Double.NaN : onVal.accuracy(),
                    onVal == null ? Double.NaN : onVal.balancedAccuracy(), onTest == null ? Double.NaN : onTest.accuracy(),
                    onTest == null ? Double.NaN : onTest.balancedAccuracy(), fit.seconds()));
            probes.add(probe);
        }
        return new PathResult(zeroing, points, probes, PathResult.atNec(points, config.path().necTargets()));
    }

    /** {@code count} penalties from {@code largest} down to {@code largest * minRatio}, evenly spaced in log. */
    static List<Double> logSpaced(double largest, double minRatio, int count) {
        if (!(largest > 0)) {
            throw new IllegalArgumentException("every weight is already zero without a penalty (the loss gradient at"
                    + " zero weights is 0): the features carry no signal about the labels, so there is no path to compute");
        }
        List<Double> penalties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            penalties.add(largest * Math.pow(minRatio, (double) i / (count - 1)));
        }
        return penalties;
    }

    private static List<Double> descending(List<Double> penalties) {
        List<Double> sorted = new ArrayList<>(penalties);
        sorted.sort(java.util.Comparator.reverseOrder());
        return sorted;
    }
}
