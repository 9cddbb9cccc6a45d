package org.splicecbm.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.data.Split;
import org.splicecbm.probe.EpochMetrics;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.report.ProbeReport;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.UniqueDirectory;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.RunTrackers;
import org.splicecbm.tracking.TrackedRun;

/**
 * One tracked training run: read the feature sets, train with early stopping on validation, evaluate
 * on test, save the model with its provenance, write the report, and log params, per-epoch metrics,
 * final metrics, tags and artifacts to MLflow. A failure marks the run FAILED with the error.
 */
public final class TrainingRun {
    private TrainingRun() {}

    /** Trains, evaluates, saves and tracks one run of {@code config}, named after the config and the time. */
    public static TrainingResult run(RunConfig config) throws IOException {
        // two runs started in the same second get two folders (and two run names), never one shared folder
        Path runDir = UniqueDirectory.claimStamped(config.output().resolve("runs"), config.name());
        try {
            return run(config, runDir.getFileName().toString(), Map.of());
        } catch (IOException | RuntimeException e) {
            deleteIfEmpty(runDir); // a run that failed before writing anything leaves no folder behind
            throw e;
        }
    }

    /** A run with a chosen name and tags beside the provenance tags (a sweep's trials: sweep id, parent run). */
    public static TrainingResult run(RunConfig config, String runName, Map<String, String> extraTags) throws IOException {
        return run(config, FeatureSplits.load(config), runName, extraTags);
    }

    /**
     * A run on feature sets already in memory ({@link FeatureSplits#of}); {@code config} gives the probe settings,
     * the tracking store and the output folder ({@code runs/<runName>/} receives the model and the report).
     */
    public static TrainingResult run(RunConfig config, FeatureSplits splits, String runName, Map<String, String> extraTags)
            throws IOException {
        Map<String, String> tags = new LinkedHashMap<>(RunProvenance.tags(config));
        tags.putAll(extraTags);
        try (RunTracker tracker = tracker(config)) {
            TrackedRun run = tracker.startRun(config.experimentName(), runName, tags);
            Path runDir = config.output().resolve("runs").resolve(runName);
            TrainingResult result = RunInterrupts.runToEnd(run, "train run " + runName, runDir,
                    () -> trainAndReport(config, splits, run, runName));
            return result.trackedAt(tracker.location(), tracker.outage());
        }
    }

    private static TrainingResult trainAndReport(RunConfig config, FeatureSplits splits, TrackedRun run, String runName)
            throws IOException {
        run.logParams(RunProvenance.params(config));
        run.logParams(usedRows(splits)); // what was used, next to dataset.limit.* as configured
        TrainedProbe probe = ProbeTrainer.train(splits.require(Split.TRAIN), splits.require(Split.VAL), config.probe(),
                m -> run.logMetrics(epochMetrics(m), m.epoch()));
        Evaluation test = Evaluation.of(probe, splits.require(Split.TEST));
        Evaluation val = Evaluation.of(probe, splits.require(Split.VAL));
        run.logMetrics(finalMetrics(test, val, splits.sets().get(Split.TEST)), probe.summary().epochsRun());

        Path runDir = config.output().resolve("runs").resolve(runName);
        Path modelDir = runDir.resolve("model");
        probe.save(modelDir);
        ConfigLoader.save(config, runDir.resolve("config.yaml"));
        Path reportDir = runDir.resolve("report");
        List<Path> reportFiles = ProbeReport.write(reportDir, config.name(), probe, test, splits.groupNames());
        try (var files = Files.list(modelDir)) {
            files.filter(Files::isRegularFile).forEach(f -> run.logArtifact(f, "model"));
        }
        run.logArtifact(runDir.resolve("config.yaml"), "");
        reportFiles.forEach(f -> run.logArtifact(f, "report"));
        return new TrainingResult(runName, run.runId(), modelDir, reportDir, test, val, probe, null, Optional.empty());
    }

    /** {@code dataset.rows.<split>}: the samples each split actually had (a limit above the data keeps them all). */
    private static Map<String, String> usedRows(FeatureSplits splits) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        splits.data().forEach((split, data) -> rows.put("dataset.rows." + split.key(), Integer.toString(data.size())));
        return rows;
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // it holds what the failed run wrote; its MLflow run says FAILED and why
        }
    }

    /** The tracker of {@code config}: its {@code tracking.uri}, else the local store under the output folder. */
    public static RunTracker tracker(RunConfig config) {
        return RunTrackers.open(config.tracking().uri(), config.output().resolve("mlruns"), config.tracking().bestEffort());
    }

    private static Map<String, Double> epochMetrics(EpochMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train_loss", m.trainLoss());
        out.put("val_loss", m.valLoss());
        out.put("val_accuracy", m.valAccuracy());
        out.put("nonzero_weights", (double) m.nonzeroWeights());
        out.put("effective_concepts", (double) m.effectiveConcepts());
        return out;
    }

    private static Map<String, Double> finalMetrics(Evaluation test, Evaluation val, FeatureSet testSet) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("test_accuracy", test.accuracy());
        out.put("test_balanced_accuracy", test.balancedAccuracy());
        out.put("test_macro_f1", test.macroF1());
        out.put("val_accuracy_final", val.accuracy());
        out.put("test_effective_concepts", (double) test.effectiveConcepts());
        if (!test.groupAccuracy().isEmpty()) {
            out.put("test_worst_group_accuracy", test.worstGroupAccuracy());
        }
        out.put("features_mean_l0", testSet.meta().meanL0());
        out.put("features_mean_cosine", testSet.meta().meanCosine());
        return out;
    }
}
