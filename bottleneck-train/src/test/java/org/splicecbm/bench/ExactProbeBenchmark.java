package org.splicecbm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splicecbm.probe.PathConfig;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.ExactFit;
import org.splicecbm.probe.GradientKernel;
import org.splicecbm.probe.PathPoint;
import org.splicecbm.probe.PathResult;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.RegularisationPath;
import org.splicecbm.probe.ScikitLearnReference;
import org.splicecbm.probe.TrainingData;

/**
 * The exact probe solver at benchmark scale (50,000 x 10,000 synthetic concept features, ~9 nonzeros per row,
 * 10 classes, l1 = 1e-4, i.e. scikit-learn's C = 0.2), in one run next to scikit-learn's saga on the same rows:
 * time per full gradient of each kernel (ND4J, Java), time to the certified optimum (KKT <= 1e-7) with each
 * kernel, saga's time and objective at two tolerances, then a 20-penalty path against saga warm-started over
 * the same penalties (down to {@code -Dbench.minRatio} of the zeroing penalty, default 0.01).
 *
 * <p>Arguments: any of {@code gradient exact sklearn path} (default all), then optionally {@code saga-tol=a,b}.
 */
public final class ExactProbeBenchmark {
    static final double L1 = 1e-4;

    public static void main(String[] args) throws Exception {
        List<String> steps = args.length == 0 ? List.of("gradient", "exact", "sklearn", "path") : List.of(args);
        SyntheticConceptFeatures generator = new SyntheticConceptFeatures(10_000, 10, 50, 2, 0.6, 8);
        TrainingData train = generator.sample(50_000, 1);
        TrainingData test = generator.sample(10_000, 2);
        System.out.printf("data: train %d x %d, %.2f nonzeros/row, %d classes; test %d rows; l1 %.0e; cores %d%n",
                train.size(), train.features().cols(), (double) train.features().nnz() / train.size(),
                train.space().numClasses(), test.size(), L1, Runtime.getRuntime().availableProcessors());
        ProbeConfig base = ProbeConfig.builder().l1(L1).build();
        double objective = Double.NaN;
        if (steps.contains("gradient")) {
            for (ProbeConfig.Kernel kernel : ProbeConfig.Kernel.values()) {
                timeGradient(train, base.toBuilder().kernel(kernel).build());
            }
        }
        if (steps.contains("exact")) {
            for (ProbeConfig.Kernel kernel : ProbeConfig.Kernel.values()) {
                objective = runExact(train, test, base.toBuilder().kernel(kernel).build());
            }
        }
        if (steps.contains("sklearn")) {
            for (double tol : new double[] {1e-4, 1e-6}) {
                runSaga(train, test, List.of(L1), tol, false, objective);
            }
        }
        if (steps.contains("path")) {
            runPath(train, test, base);
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void timeGradient(TrainingData train, ProbeConfig config) {
        int classes = train.space().numClasses();
        double[] w = new double[train.features().cols() * classes];
        for (int i = 0; i < w.length; i += 37) {
            w[i] = 0.01 * (i % 7 - 3);
        }
        double[] b = new double[classes];
        double[] g = new double[w.length];
        double[] gb = new double[classes];
        try (GradientKernel kernel = GradientKernel.of(train, config)) {
            for (int warmup = 0; warmup < 3; warmup++) {
                kernel.lossAndGradient(w, b, g, gb);
            }
            int repeats = 10;
            long start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                kernel.lossAndGradient(w, b, g, gb);
            }
            System.out.printf("full gradient, %s kernel: %.2f ms per gradient (mean of %d after 3 warm-ups)%n",
                    config.kernel().yaml(), (System.nanoTime() - start) / 1e6 / repeats, repeats);
        }
    }

    private static double runExact(TrainingData train, TrainingData test, ProbeConfig config) {
        JvmMemory.resetPeaks();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ExactFit fit = ProbeTrainer.solveExact(train, config);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        double accuracy = Evaluation.of(ProbeTrainer.train(train, null, config, null), test).accuracy();
        System.out.printf("exact solver, %s kernel: %.2f s wall, %.2f s CPU of this thread to the certified optimum (incl. problem setup), objective %.10f,"
                        + " KKT %.2e <= %.0e, %d rounds, %d coordinate passes, %d nonzeros, %d effective concepts,"
                        + " test accuracy %.4f; peak heap %.0f MB, process peak RSS %s%n",
                config.kernel().yaml(), seconds, cpu, fit.objective(), fit.kktViolation(), fit.tolerance(), fit.outerIterations(),
                fit.coordinatePasses(), fit.nonzeros(), fit.effectiveConcepts(), accuracy, JvmMemory.peakHeapMb(), JvmMemory.peakRss());
        return fit.objective();
    }

    private static void runSaga(TrainingData train, TrainingData test, List<Double> penalties, double tol, boolean warm,
                                double ourObjective) throws Exception {
        Path dir = Files.createTempDirectory("probe-exact-bench");
        JsonNode r = ScikitLearnReference.exact(dir, train, test,
                Map.of("l1", penalties, "tol", tol, "max_iter", 1000, "warm_start", warm));
        JsonNode fit = r.get("fits").get(0);
        System.out.printf("sklearn saga tol %.0e: %.2f s wall, %.2f s CPU, %d epochs, objective %.10f (relative gap to ours %+.2e),"
                        + " %d nonzeros, test accuracy %.4f%n", tol, fit.get("seconds").asDouble(), fit.get("cpu_seconds").asDouble(), fit.get("n_iter").asInt(),
                fit.get("objective").asDouble(), (fit.get("objective").asDouble() - ourObjective) / ourObjective,
                fit.get("nonzeros").asInt(), fit.get("test_accuracy").asDouble());
    }

    private static void runPath(TrainingData train, TrainingData test, ProbeConfig base) throws Exception {
        double minRatio = Double.parseDouble(System.getProperty("bench.minRatio", "0.01"));
        ProbeConfig config = base.toBuilder().path(new PathConfig(java.util.List.of(), 20, minRatio, List.of(5, 10, 20, 30)))
                .build();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        PathResult path = RegularisationPath.solve(train, null, test, config);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        List<Double> penalties = path.points().stream().map(PathPoint::l1).toList();
        System.out.printf("path, %d penalties from %.3e to %.3e, warm starts, %s kernel: %.2f s wall, %.2f s CPU total (incl. test evaluation)%n",
                penalties.size(), penalties.get(0), penalties.get(penalties.size() - 1), config.kernel().yaml(), seconds, cpu);
        Path dir = Files.createTempDirectory("probe-path-bench");
        JsonNode r = ScikitLearnReference.exact(dir, train, test, Map.of("l1", penalties, "tol", 1e-4, "max_iter", 1000,
                "warm_start", true));
        System.out.printf("sklearn saga path, same penalties, warm_start=True, tol 1e-4: %.2f s wall, %.2f s CPU total (fits only)%n",
                r.get("seconds").asDouble(), r.get("cpu_seconds").asDouble());
        for (int i = 0; i < penalties.size(); i++) {
            PathPoint p = path.points().get(i);
            JsonNode s = r.get("fits").get(i);
            System.out.printf("  l1 %.3e: ours %.3f s, NEC %.1f, test %.4f, objective %.8f | saga %.2f s, NEC %.1f, test %.4f,"
                            + " objective %.8f (%+.1e)%n", p.l1(), p.seconds(), p.nec(), p.testAccuracy(), p.objective(),
                    s.get("seconds").asDouble(), s.get("nonzeros").asInt() / 10.0, s.get("test_accuracy").asDouble(),
                    s.get("objective").asDouble(), (s.get("objective").asDouble() - p.objective()) / p.objective());
        }
        for (PathResult.AtNec at : path.atNec()) {
            System.out.printf("  accuracy at NEC <= %d: %s%n", at.target(), at.point() == null ? "no point"
                    : String.format("%.4f (NEC %.1f, l1 %.3e)", at.point().testAccuracy(), at.point().nec(), at.point().l1()));
        }
    }
}
