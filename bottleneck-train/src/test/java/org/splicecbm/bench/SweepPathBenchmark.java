package org.splicecbm.bench;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.probe.ExactFit;
import org.splicecbm.probe.PathConfig;
import org.splicecbm.probe.PathPoint;
import org.splicecbm.probe.PathResult;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.RegularisationPath;
import org.splicecbm.probe.TrainingData;

/**
 * What a sweep pays for its probe axis per (vocabulary size, SpLiCE l1): one warm-started regularisation path over
 * the sweep's penalties (as {@code splice sweep} does now) against one cold exact solve per penalty (the former
 * independent trials, without their per-trial feature loading and tracking). Prints both times, in one run, and
 * the largest relative objective difference and any support difference between the two at each penalty.
 *
 * <p>Arguments: rows concepts (default 20000 5000).
 */
public final class SweepPathBenchmark {
    private static final List<Double> PENALTIES = List.of(1e-3, 3e-4, 1e-4, 3e-5, 1e-5);

    private SweepPathBenchmark() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concepts = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        SyntheticConceptFeatures generator = new SyntheticConceptFeatures(concepts, 10, 50, 2, 0.6, 8);
        TrainingData train = generator.sample(rows, 1);
        TrainingData val = generator.sample(rows / 5, 2);
        System.out.printf("data: train %d x %d, %.2f nonzeros/row, 10 classes; penalties %s%n", train.size(), concepts,
                (double) train.features().nnz() / train.size(), PENALTIES);
        ProbeConfig base = ProbeConfig.builder().path(new PathConfig(PENALTIES, 20, 1e-3, List.of())).build();
        ProbeTrainer.solveExact(train, base.withL1(PENALTIES.get(0))); // JIT warm-up

        long start = System.nanoTime();
        PathResult path = RegularisationPath.solve(train, val, null, base);
        double pathSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        List<ExactFit> cold = new ArrayList<>();
        for (double l1 : PENALTIES) {
            cold.add(ProbeTrainer.solveExact(train, base.withL1(l1)));
        }
        double coldSeconds = (System.nanoTime() - start) / 1e9;

        double worst = 0;
        int supportDiffs = 0;
        for (int i = 0; i < PENALTIES.size(); i++) {
            PathPoint p = path.points().get(i);
            ExactFit c = cold.get(i);
            worst = Math.max(worst, Math.abs(p.objective() - c.objective()) / Math.abs(c.objective()));
            supportDiffs += p.nonzeros() == c.nonzeros() ? 0 : 1;
            System.out.printf("  l1 %.0e: path nonzeros %d objective %.10f | cold nonzeros %d objective %.10f%n", p.l1(),
                    p.nonzeros(), p.objective(), c.nonzeros(), c.objective());
        }
        System.out.printf("warm-started path (incl. validation scoring): %.2f s; %d cold exact solves: %.2f s; ratio %.2fx;"
                + " largest relative objective difference %.2e; penalties with another nonzero count: %d%n",
                pathSeconds, PENALTIES.size(), coldSeconds, coldSeconds / pathSeconds, worst, supportDiffs);
    }
}
