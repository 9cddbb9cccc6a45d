package org.splicecbm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splicecbm.decompose.ClipLikeProblem;
import org.splicecbm.decompose.LassoResult;
import org.splicecbm.decompose.NonnegativeLasso;
import org.splicecbm.decompose.SolveStats;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.engine.DjlRuntime;

/**
 * Throughput of {@link NonnegativeLasso} on synthetic CLIP-like data ({@link ClipLikeProblem}), in one run:
 * the engine's float32 GEMM rate (which sets the one-pass bound, 2 c d FLOP per image), a single l1 with
 * the Gram matrix and without it (residual products every round), two 6-value l1 paths (the issue's
 * 0.05 … 0.35 and the probe-sparsity study's 0.15 … 0.45) against 6 independent solves each and against their densest
 * value alone, and the full 37,445-word vocabulary with its peak memory. Arguments (optional):
 * targets (4096), threads (2), large vocabulary targets (1024; 0 skips it), and {@code quick} to time
 * only the Gram solver (five times). Every solver solves all targets once untimed first (JIT warm-up).
 */
public final class SolverBenchmark {
    private static final int DIM = 512;
    private static final double L1 = 0.25;
    private static final List<Double> PATH = List.of(0.05, 0.1, 0.15, 0.2, 0.25, 0.35);
    /**
     * The splice_l1 grid of experiments/cifar100-probe-sparsity, which has no dominant value (in PATH,
     * l1 = 0.05 alone costs half of the independent solves).
     */
    private static final List<Double> STUDY_PATH = List.of(0.15, 0.2, 0.25, 0.3, 0.35, 0.45);

    private SolverBenchmark() {}

    public static void main(String[] args) {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int largeTargets = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        ClipLikeProblem problem = ClipLikeProblem.generate(10_000, DIM, targets, 10, 1.0, 42);
        double gemm = gemmFlopsPerCpuSecond(problem.dictionary, threads);
        double bound = gemm / (2.0 * 10_000 * DIM);
        System.out.printf("engine GEMM: %.1f GFLOP/s on %d cores (from CPU time) -> one-pass bound %.0f images/s%n",
                gemm / 1e9, threads, bound);
        SolverOptions options = SolverOptions.defaults().withThreads(threads);
        try (NonnegativeLasso gram = new NonnegativeLasso(problem.dictionary, options);
             NonnegativeLasso products = new NonnegativeLasso(problem.dictionary, options.withGramBudgetBytes(0))) {
            Stopwatch build = new Stopwatch();
            gram.solve(Arrays.copyOf(problem.targets, 256), L1); // builds the Gram matrix, warms up
            System.out.printf("Gram matrix (c = 10,000, 200 MB of 16-bit fixed point) built with the warm-up in %.2f s wall, %.2f s CPU%n",
                    build.wallSeconds(), build.cpuSeconds());
            products.solve(Arrays.copyOf(problem.targets, 256), L1);
            gram.solve(problem.targets, L1); // the JIT compiles the per-row code fully only after thousands of rows
            if (args.length > 3 && args[3].equals("quick")) {
                for (int repeat = 0; repeat < 5; repeat++) {
                    single("c=10000 l1=0.25 Gram     ", gram, problem.targets, threads, bound);
                }
                return;
            }
            for (int repeat = 0; repeat < 2; repeat++) {
                single("c=10000 l1=0.25 Gram     ", gram, problem.targets, threads, bound);
                single("c=10000 l1=0.25 products ", products, problem.targets, threads, bound);
            }
            path(gram, problem.targets, PATH);
            path(gram, problem.targets, STUDY_PATH);
        }
        if (largeTargets > 0) {
            large(largeTargets, threads);
        }
    }

    private static void single(String label, NonnegativeLasso solver, float[][] targets, int threads, double bound) {
        Stopwatch watch = new Stopwatch();
        LassoResult result = solver.solve(targets, L1);
        report(label, result, watch, threads, bound);
    }

    /**
     * A path against independent solves of its values, and against its most expensive value alone: no
     * warm start avoids that value's own work (the exact Gram entries among its support), so
     * path / densest is what the path adds on top of it.
     */
    private static void path(NonnegativeLasso solver, float[][] targets, List<Double> grid) {
        Stopwatch pathWatch = new Stopwatch();
        List<LassoResult> path = solver.solvePath(targets, grid);
        double pathWall = pathWatch.wallSeconds();
        double pathCpu = pathWatch.cpuSeconds();
        Stopwatch singleWatch = new Stopwatch();
        List<LassoResult> singles = new ArrayList<>();
        double[] singleCpus = new double[grid.size()];
        for (int v = 0; v < grid.size(); v++) {
            Stopwatch one = new Stopwatch();
            singles.add(solver.solve(targets, grid.get(v)));
            singleCpus[v] = one.cpuSeconds();
        }
        double singleWall = singleWatch.wallSeconds();
        double singleCpu = singleWatch.cpuSeconds();
        double densestCpu = Arrays.stream(singleCpus).max().orElseThrow();
        System.out.printf("l1 path %s on %d targets: path %.2f s wall / %.2f s CPU | %d independent solves %.2f s wall"
                        + " / %.2f s CPU | path/independent = %.2f (CPU %.2f) | path/densest value alone (CPU) = %.2f%n",
                grid, targets.length, pathWall, pathCpu, grid.size(), singleWall, singleCpu, pathWall / singleWall,
                pathCpu / singleCpu, pathCpu / densestCpu);
        for (int v = 0; v < grid.size(); v++) {
            System.out.printf("  l1=%.2f mean L0 %.2f, max rel gap %.1e (independent: L0 %.2f, %.2f s CPU, %.0f"
                            + " subproblem steps and %.0f exact dots per image)%n", grid.get(v),
                    (double) path.get(v).weights().nnz() / targets.length, maxRelativeGap(path.get(v)),
                    (double) singles.get(v).weights().nnz() / targets.length, singleCpus[v],
                    (double) singles.get(v).stats().subproblemSteps() / targets.length,
                    (double) singles.get(v).stats().exactDotProducts() / targets.length);
        }
    }

    private static void large(int targets, int threads) {
        ClipLikeProblem problem = ClipLikeProblem.generate(37_445, DIM, targets, 10, 1.0, 43);
        try (NonnegativeLasso solver = new NonnegativeLasso(problem.dictionary, SolverOptions.defaults()
                .withThreads(threads))) {
            solver.solve(Arrays.copyOf(problem.targets, 128), L1);
            Stopwatch watch = new Stopwatch();
            LassoResult result = solver.solve(problem.targets, L1);
            report("c=37445 l1=0.25 " + (solver.usesGramMatrix() ? "Gram    " : "products"), result, watch, threads,
                    Double.NaN);
        }
        System.out.printf("peak memory: heap %.0f MB (max %.0f MB), process resident %s%n", PeakMemory.heapMb(),
                Runtime.getRuntime().maxMemory() / 1e6, PeakMemory.residentPeak());
    }

    private static void report(String label, LassoResult result, Stopwatch watch, int threads, double bound) {
        double wall = watch.wallSeconds();
        double cpu = watch.cpuSeconds();
        SolveStats s = result.stats();
        int n = s.rows();
        double dedicated = n / (cpu / threads);
        System.out.printf("%s: %.0f images/s wall (%.2f s) | CPU %.2f s = %.0f images/s on %d dedicated cores"
                        + " (%.0f%% of the one-pass bound) | passes/image %.3f (products %.3f) | mean L0 %.2f |"
                        + " max rel gap %.1e | exact dots/image %.0f | rounds max %d | weights bits %08x%n",
                label, n / wall, wall, cpu, dedicated, threads, 100 * dedicated / bound, s.passesPerRow(DIM),
                s.productsPerRow(), (double) result.weights().nnz() / n, maxRelativeGap(result),
                (double) s.exactDotProducts() / n, s.maxRounds(), bitsChecksum(result));
    }

    /** A hash of the weights' bits and sparsity, to compare two solver versions' outputs at a glance. */
    private static int bitsChecksum(LassoResult result) {
        return 31 * (31 * Arrays.hashCode(result.weights().data()) + Arrays.hashCode(result.weights().indices()))
                + Arrays.hashCode(result.objective());
    }

    private static double maxRelativeGap(LassoResult result) {
        double worst = 0;
        for (int i = 0; i < result.objective().length; i++) {
            worst = Math.max(worst, result.dualityGap()[i] / result.objective()[i]);
        }
        return worst;
    }

    /** FLOP per CPU second (times the cores) of the engine's float32 product of 1024 targets with the dictionary. */
    private static double gemmFlopsPerCpuSecond(float[][] dictionary, int threads) {
        DjlRuntime.configure();
        int c = dictionary.length;
        float[] flat = new float[c * DIM];
        for (int j = 0; j < c; j++) {
            System.arraycopy(dictionary[j], 0, flat, j * DIM, DIM);
        }
        try (NDManager manager = NDManager.newBaseManager();
             NDArray dict = manager.create(flat, new Shape(c, DIM)).transpose().duplicate();
             NDArray rows = manager.randomNormal(new Shape(1024, DIM))) {
            rows.matMul(dict).close();
            int repeats = 8;
            Stopwatch watch = new Stopwatch();
            for (int r = 0; r < repeats; r++) {
                rows.matMul(dict).toFloatArray();
            }
            return repeats * 2.0 * 1024 * c * DIM / (watch.cpuSeconds() / threads);
        }
    }
}
