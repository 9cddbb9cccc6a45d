package org.splicecbm.bench;

import java.util.List;
import java.util.Random;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.decompose.ClipLikeProblem;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.zeroshot.ZeroShotClassifier;
import org.splicecbm.zeroshot.ZeroShotResult;
import org.splicecbm.zeroshot.ZeroShotStudy;

/**
 * What the zero-shot study costs beyond the SpLiCE solve itself: one l1 row of {@link ZeroShotStudy}
 * (decompose, recompose, classify) against {@link SpliceDecomposer#decompose} alone, and the dense pass,
 * on synthetic CLIP-like data. Arguments (optional, in order): concepts (10000), dim (512), images (2000),
 * classes (100), l1 (0.25), threads (2), repeats (3).
 */
public final class ZeroShotBenchmark {
    private ZeroShotBenchmark() {}

    public static void main(String[] args) {
        int concepts = arg(args, 0, 10_000);
        int dim = arg(args, 1, 512);
        int images = arg(args, 2, 2000);
        int classes = arg(args, 3, 100);
        double l1 = args.length > 4 ? Double.parseDouble(args[4]) : 0.25;
        int threads = arg(args, 5, 2);
        int repeats = arg(args, 6, 3);
        System.setProperty("splice.noProgress", "true");
        ClipLikeProblem problem = ClipLikeProblem.generate(concepts, dim, images, 10, 1.0, 42);
        float[] mean = scaled(ClipLikeProblem.gaussianRows(1, dim, 7)[0], 0.3);
        ZeroShotClassifier classifier = new ZeroShotClassifier(ClipLikeProblem.gaussianRows(classes, dim, 11));
        long[] labels = new Random(5).longs(images, 0, classes).toArray();
        ZeroShotStudy study = new ZeroShotStudy(List.<float[][]>of(problem.targets), labels, classifier, "bench");
        System.out.printf("c=%d d=%d images=%d classes=%d l1=%.2f threads=%d%n", concepts, dim, images, classes, l1, threads);
        try (SpliceDecomposer decomposer = new SpliceDecomposer(problem.dictionary, mean, l1,
                SolverOptions.defaults().withThreads(threads))) {
            decomposer.decompose(java.util.Arrays.copyOf(problem.targets, 256)); // warm-up
            for (int r = 0; r < repeats; r++) {
                double solveOnly = seconds(() -> decomposer.decompose(problem.targets));
                ZeroShotResult[] row = new ZeroShotResult[1];
                double study1 = seconds(() -> row[0] = study.splice(decomposer, l1));
                double dense = seconds(study::dense);
                System.out.printf("repeat %d: decompose only %.2f s (%.0f img/s); study row %.2f s (%.0f img/s, +%.1f%%);"
                                + " dense pass %.3f s (%.0f img/s); mean L0 %.2f, mean cosine %.4f%n",
                        r, solveOnly, images / solveOnly, study1, images / study1, 100 * (study1 / solveOnly - 1),
                        dense, images / dense, row[0].meanL0(), row[0].meanCosine());
            }
        }
    }

    private static float[] scaled(float[] v, double norm) {
        double[] unit = DictionaryMath.normalizeOrZero(DictionaryMath.widen(v));
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) (unit[k] * norm);
        }
        return out;
    }

    private static double seconds(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
