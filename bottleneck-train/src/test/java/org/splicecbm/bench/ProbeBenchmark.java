package org.splicecbm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splicecbm.probe.EpochMetrics;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.ScikitLearnReference;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.probe.TrainingData;

/**
 * Speed and memory of probe training at benchmark scale: 50,000 x 10,000 synthetic concept features
 * (about 10 nonzeros per row), 10 classes, l1 = 1e-4, against scikit-learn's SAGA on the same data.
 * The test split is passed as the trainer's "validation" split with early stopping off, only so that
 * the per-epoch listener reports test accuracy for the time-to-accuracy measurement.
 *
 * <p>Arguments: {@code [sklearn] [sparse BATCH LR EPOCHS]... [dl4j BATCH LR EPOCHS]...}; default runs all of
 * {@code sklearn sparse 256 0.001 30 sparse 1024 0.01 15 dl4j 256 0.001 3 dl4j 2048 0.01 3}.
 */
public final class ProbeBenchmark {
    static final double L1 = 1e-4;

    public static void main(String[] args) throws Exception {
        String threads = System.getProperty("probe.bench.nd4jThreads");
        if (threads != null) {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(Integer.parseInt(threads));
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(Integer.parseInt(threads));
        }
        List<String> plan = List.of(args.length > 0 ? args
                : "sklearn sparse 256 0.001 30 sparse 1024 0.01 15 dl4j 256 0.001 3 dl4j 2048 0.01 3".split(" "));
        SyntheticConceptFeatures generator = new SyntheticConceptFeatures(10_000, 10, 50, 2, 0.6, 8);
        TrainingData train = generator.sample(50_000, 1);
        TrainingData test = generator.sample(10_000, 2);
        System.out.printf("data: train %d x %d, %.2f nonzeros/row, %d classes; test %d rows; l1 %.0e%n", train.size(),
                train.features().cols(), (double) train.features().nnz() / train.size(), train.space().numClasses(), test.size(), L1);
        double target = Double.NaN;
        for (int i = 0; i < plan.size(); i++) {
            switch (plan.get(i)) {
                case "sklearn" -> target = runScikitLearn(train, test);
                case "sparse", "dl4j" -> {
                    ProbeConfig.Engine engine = plan.get(i).equals("dl4j") ? ProbeConfig.Engine.DL4J : ProbeConfig.Engine.SPARSE;
                    ProbeConfig config = ProbeConfig.builder().l1(L1).batchSize(Integer.parseInt(plan.get(i + 1)))
                            .learningRate(Double.parseDouble(plan.get(i + 2))).epochs(Integer.parseInt(plan.get(i + 3)))
                            .earlyStoppingPatience(0).engine(engine).solver(ProbeConfig.Solver.MINIBATCH).build();
                    runProbe(train, test, config, target);
                    i += 3;
                }
                default -> throw new IllegalArgumentException("unknown benchmark step " + plan.get(i));
            }
        }
    }

    private static double runScikitLearn(TrainingData train, TrainingData test) throws Exception {
        Path dir = Files.createTempDirectory("probe-bench");
        JsonNode r = ScikitLearnReference.run(dir, train, test, L1, 1000, 1e-4);
        System.out.printf("sklearn saga (C=%.3g): test accuracy %.4f, fit %.2f s wall (%.2f s CPU), %d epochs, %.3f s/epoch, %d nonzeros, %d effective concepts%n",
                r.get("C").asDouble(), r.get("test_accuracy").asDouble(), r.get("seconds").asDouble(), r.get("cpu_seconds").asDouble(), r.get("iterations").asInt(),
                r.get("seconds_per_epoch").asDouble(), r.get("nonzeros").asInt(), r.get("effective_concepts").asInt());
        return r.get("test_accuracy").asDouble();
    }

    private static void runProbe(TrainingData train, TrainingData test, ProbeConfig config, double target) {
        JvmMemory.resetPeaks();
        List<EpochMetrics> epochs = new ArrayList<>();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TrainedProbe probe = ProbeTrainer.train(train, test, config, epochs::add);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double reached = Double.NaN;
        double elapsed = 0;
        for (EpochMetrics m : epochs) {
            elapsed += m.seconds();
            if (Double.isNaN(reached) && m.valAccuracy() >= target) {
                reached = elapsed;
            }
        }
        Evaluation e = Evaluation.of(probe, test);
        double perEpoch = epochs.stream().mapToDouble(EpochMetrics::seconds).sorted().skip(epochs.size() / 2).findFirst().orElse(wall);
        System.out.printf("%s batch %d lr %s: %d epochs, median %.3f s/epoch (incl. test eval), total %.2f s wall, %.2f s CPU of this thread;"
                        + " final test accuracy %.4f; reached sklearn's %.4f after %s; %d effective concepts; peak heap %.0f MB, process peak RSS so far %s%n",
                config.engine().yaml(), config.batchSize(), config.learningRate(), epochs.size(), perEpoch, wall, cpu, e.accuracy(), target,
                Double.isNaN(reached) ? "never" : String.format("%.2f s", reached), e.effectiveConcepts(), JvmMemory.peakHeapMb(), JvmMemory.peakRss());
        for (EpochMetrics m : epochs) {
            System.out.printf("  epoch %d: %.3f s, train loss %.4f, test accuracy %.4f, nonzeros %d%n", m.epoch(), m.seconds(),
                    m.trainLoss(), m.valAccuracy(), m.nonzeroWeights());
        }
    }
}
