package org.splicecbm.bench;

import org.splicecbm.decompose.ClipLikeProblem;
import org.splicecbm.decompose.LassoResult;
import org.splicecbm.decompose.NonnegativeLasso;
import org.splicecbm.decompose.SolveStats;
import org.splicecbm.decompose.SolverOptions;

/**
 * Throughput of {@link NonnegativeLasso} on synthetic CLIP-like data (see {@link ClipLikeProblem}).
 * Arguments (all optional, in order): concepts (10000), dim (512), targets (2000), l1 (0.25),
 * threads (2), initialWorkingSet and productBlockRows (the solver defaults, 16 and 1024), repeats (3).
 * Prints wall-clock throughput and, because the build machine is shared, also the JVM's CPU time
 * turned into the throughput the same work would have on the given number of dedicated cores.
 */
public final class SolverBenchmark {
    private SolverBenchmark() {}

    public static void main(String[] args) {
        int concepts = intArg(args, 0, 10_000);
        int dim = intArg(args, 1, 512);
        int targets = intArg(args, 2, 2000);
        double l1 = args.length > 3 ? Double.parseDouble(args[3]) : 0.25;
        int threads = intArg(args, 4, 2);
        int initial = intArg(args, 5, SolverOptions.defaults().initialWorkingSet());
        int block = intArg(args, 6, SolverOptions.defaults().productBlockRows());
        int repeats = intArg(args, 7, 3);
        long g0 = System.nanoTime();
        ClipLikeProblem problem = ClipLikeProblem.generate(concepts, dim, targets, 10, 1.0, 42);
        System.out.printf("data: c=%d d=%d targets=%d l1=%.3f threads=%d initialWorkingSet=%d blockRows=%d (generated in %.1f s)%n",
                concepts, dim, targets, l1, threads, initial, block, (System.nanoTime() - g0) / 1e9);
        SolverOptions options = SolverOptions.defaults().withThreads(threads).withInitialWorkingSet(initial)
                .withProductBlockRows(block);
        try (NonnegativeLasso solver = new NonnegativeLasso(problem.dictionary, options)) {
            solver.solve(java.util.Arrays.copyOf(problem.targets, Math.min(256, targets)), l1); // warm-up
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                LassoResult result = solver.solve(problem.targets, l1);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                report(result, seconds, cpuSeconds, threads);
            }
        }
    }

    /** CPU time of this JVM (all threads, engine included): the machine is shared, so wall time alone misleads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void report(LassoResult result, double seconds, double cpuSeconds, int threads) {
        SolveStats s = result.stats();
        int n = s.rows();
        double objective = 0;
        double maxRelGap = 0;
        for (int i = 0; i < n; i++) {
            objective += result.objective()[i];
            maxRelGap = Math.max(maxRelGap, result.dualityGap()[i] / result.objective()[i]);
        }
        System.out.printf("wall: %.1f images/s (%.2f s) | CPU %.2f s = %.1f images/s on %d dedicated cores%n",
                n / seconds, seconds, cpuSeconds, n / (cpuSeconds / threads), threads);
        System.out.printf("%.1f images/s (%.2f s) | mean L0 %.2f | mean objective %.6f | max rel gap %.2e | "
                        + "products/image %.3f | max rounds %d | exact dots/image %.0f | sweeps/image %.1f | "
                        + "working set %.1f | certified without last product %d | product %.2f s, per-row %.2f s%n",
                n / seconds, seconds, (double) result.weights().nnz() / n, objective / n, maxRelGap,
                s.productsPerRow(), s.maxRounds(), (double) s.exactDotProducts() / n,
                (double) s.coordinateSweeps() / n, s.meanWorkingSetSize(), s.certifiedWithoutProduct(),
                s.productNanos() / 1e9,
                s.subproblemNanos() / 1e9);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
