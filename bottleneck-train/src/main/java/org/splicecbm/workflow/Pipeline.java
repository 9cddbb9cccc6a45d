package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.FeatureSet;

/**
 * One config from images to a tracked probe, as library calls: the feature stage, the test split's decomposition
 * (SpLiCE's {@code decompose_data.py}) and a tracked training run, in that order; the first failure stops it as a
 * {@link StageFailure} naming the stage. {@code splice experiment} and {@code splice quickstart} call it.
 */
public final class Pipeline {
    private Pipeline() {}

    /** What each stage produced. */
    public record Result(Map<Split, Path> featureSets, DatasetDecompositionReport decomposition, TrainingResult training) {}

    /** A stage that failed; {@link #stage()} is its command name ({@code features}, {@code decompose-data}, {@code train}). */
    public static final class StageFailure extends RuntimeException {
        private final String stage;

        StageFailure(String stage, Exception cause) {
            super("error in splice " + stage + ": " + cause.getMessage(), cause);
            this.stage = stage;
        }

        /** The failed stage's command name. */
        public String stage() {
            return stage;
        }
    }

    /** Runs the three stages of {@code config} (read from {@code configFile}), printing each stage's summary. */
    public static Result run(RunConfig config, Path configFile, PrintStream out) {
        Map<Split, Path> sets = stage("features", configFile, out, () -> features(config, out));
        DatasetDecompositionReport decomposition = stage("decompose-data", configFile, out, () -> {
            DatasetDecompositionReport r = DatasetDecompositionReport.run(config, Split.TEST, null, 10);
            r.print(out);
            return r;
        });
        TrainingResult training = stage("train", configFile, out, () -> {
            TrainingResult r = TrainingRun.run(config);
            r.print(out);
            return r;
        });
        return new Result(sets, decomposition, training);
    }

    /** The feature stage of {@code config}, printing rows, mean L0 and mean cosine of each split's feature set. */
    public static Map<Split, Path> features(RunConfig config, PrintStream out) throws IOException {
        Map<Split, Path> sets = FeaturePipeline.run(config.features());
        print(sets, out);
        return sets;
    }

    /**
     * The feature stage of {@code config} at each SpLiCE l1 of {@code l1Values}, in one pass along the l1 path
     * ({@link FeaturePipeline#runPath}), printing each value's feature sets as {@link #features} does.
     */
    public static Map<Double, Map<Split, Path>> features(RunConfig config, List<Double> l1Values, PrintStream out)
            throws IOException {
        Map<Double, Map<Split, Path>> path = FeaturePipeline.runPath(config.features(), l1Values);
        for (Map.Entry<Double, Map<Split, Path>> e : path.entrySet()) {
            out.println("splice l1 " + e.getKey() + ":");
            print(e.getValue(), out);
        }
        return path;
    }

    private static void print(Map<Split, Path> sets, PrintStream out) throws IOException {
        for (Map.Entry<Split, Path> e : sets.entrySet()) {
            FeatureSet set = FeatureSet.read(e.getValue());
            out.printf(Locale.ROOT, "%-5s %7d rows x %d concepts, mean L0 %.4f, mean cosine %.4f -> %s%n",
                    e.getKey().key(), set.meta().rows(), set.concepts().size(), set.meta().meanL0(), set.meta().meanCosine(),
                    e.getValue());
        }
    }

    private interface Stage<T> {
        T run() throws Exception;
    }

    private static <T> T stage(String name, Path configFile, PrintStream out, Stage<T> stage) {
        out.println("== splice " + name + " --config " + configFile);
        try {
            return stage.run();
        } catch (Exception e) {
            throw new StageFailure(name, e);
        }
    }
}
