package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains the sparse linear concept-bottleneck probe of SpLiCE (Bhalla et al., NeurIPS 2024): a
 * softmax classifier over concept weights with an L1 (or elastic-net) penalty. By default
 * ({@code probe.solver: exact}) to the certified optimum of scikit-learn's objective ({@link ExactSolver});
 * with {@code probe.solver: minibatch} by minibatch Adam or SGD with a proximal L1 step. Rows are shuffled with a seeded {@link Random} each epoch; the weights
 * start at zero; early stopping watches the validation loss only (the test split never reaches the
 * trainer) and returns the weights of the best validation epoch.
 */
public final class ProbeTrainer {
    private static final double MIN_IMPROVEMENT = 1e-6;

    private ProbeTrainer() {}

    /**
     * @param val validation split for early stopping and per-epoch metrics, or {@code null} to train all epochs
     */
    public static TrainedProbe train(TrainingData train, TrainingData val, ProbeConfig config, EpochListener listener) {
        FeatureSpace space = train.space();
        if (val != null) {
            requireSameSpace(space, val.space());
        }
        int[] suppressed = ConceptSuppression.resolve(space.concepts(), config.suppressConcepts());
        if (config.solver() == ProbeConfig.Solver.EXACT) {
            TrainedProbe probe = ExactTraining.train(train, val, config, suppressed);
            (listener == null ? EpochListener.NONE : listener).onEpoch(probe.summary().history().get(0));
            return probe;
        }
        boolean[] trainMask = ConceptSuppression.mask(space.numConcepts(),
                config.suppressAt().atTrain() ? suppressed : new int[0]);
        float[] classWeights = classWeights(train, config);
        TrainingProblem problem = new TrainingProblem(train.features(), train.labels(), space.numClasses(),
                classWeights, trainMask, config);
        TrainingEngine engine = config.engine() == ProbeConfig.Engine.DL4J
                ? new Dl4jSoftmaxEngine(problem) : new SparseSoftmaxEngine(problem);
        return run(engine, problem, train, val, suppressed, listener == null ? EpochListener.NONE : listener);
    }

    private static TrainedProbe run(TrainingEngine engine, TrainingProblem problem, TrainingData train, TrainingData val,
                                    int[] suppressed, EpochListener listener) {
        ProbeConfig config = problem.config();
        int[] order = new int[train.size()];
        Arrays.setAll(order, i -> i);
        Random shuffler = new Random(config.seed());
        List<EpochMetrics> history = new ArrayList<>();
        LinearWeights best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long started = System.nanoTime();
            shuffle(order, shuffler);
            double trainLoss = engine.runEpoch(order);
            LinearWeights current = engine.snapshot();
            if (!Double.isFinite(trainLoss) || !current.allFinite()) {
                throw new IllegalStateException("probe training diverged in epoch " + epoch + ": training loss "
                        + trainLoss + ", weights " + (current.allFinite() ? "finite" : "not finite") + " (probe.learning_rate = "
                        + config.learningRate() + ", updater " + config.updater().yaml() + "); lower probe.learning_rate");
            }
            double[] valScore = val == null ? new double[] {Double.NaN, Double.NaN}
                    : Scoring.lossAndAccuracy(current, val, problem.classWeights(), problem.suppressed());
            EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, valScore[0], valScore[1],
                    Arrays.stream(current.nonzerosPerClass()).asLongStream().sum(), current.effectiveConcepts(),
                    (System.nanoTime() - started) / 1e9);
            history.add(metrics);
            listener.onEpoch(metrics);
            if (val == null || valScore[0] < bestLoss - MIN_IMPROVEMENT) {
                bestLoss = val == null ? bestLoss : valScore[0];
                best = current;
                bestEpoch = epoch;
            } else if (config.earlyStoppingPatience() > 0 && epoch - bestEpoch >= config.earlyStoppingPatience()) {
                break;
            }
        }
        if (config.earlyStoppingPatience() == 0) {
            best = engine.snapshot();
            bestEpoch = history.size();
        }
        return new TrainedProbe(train.space(), best, config, suppressed, new TrainingSummary(bestEpoch, history));
    }

    /**
     * The exact solver's certified optimum at {@code config.l1()} / {@code config.l2()} with its certificate
     * (objective, KKT violation, rounds, time), without building a probe.
     */
    public static ExactFit solveExact(TrainingData train, ProbeConfig config) {
        return ExactTraining.fit(train, config, ConceptSuppression.resolve(train.space().concepts(), config.suppressConcepts()));
    }

    /**
     * Per-class loss weights: all 1, or scikit-learn's balanced {@code n / (classes * n_class)} (0 for a class
     * without training rows, which the minibatch trainer tolerates).
     */
    static float[] classWeights(TrainingData train, ProbeConfig config) {
        double[] exact = ExactTraining.classWeights(train, config);
        float[] weights = new float[exact.length];
        for (int c = 0; c < exact.length; c++) {
            weights[c] = Double.isFinite(exact[c]) ? (float) exact[c] : 0f;
        }
        return weights;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    static void requireSameSpace(FeatureSpace expected, FeatureSpace found) {
        if (!expected.concepts().equals(found.concepts())) {
            throw new IllegalArgumentException("the splits have different concept lists (" + expected.numConcepts() + " vs "
                    + found.numConcepts() + " concepts); all splits must come from one feature extraction");
        }
        if (!expected.classNames().equals(found.classNames())) {
            throw new IllegalArgumentException("the splits have different classes: " + expected.classNames() + " vs "
                    + found.classNames());
        }
    }
}
