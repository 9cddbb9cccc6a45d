package org.splicecbm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.RunConfig;
import org.splicecbm.data.Split;
import org.splicecbm.probe.EpochMetrics;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.Explanations;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.report.ProbeReport;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.UniqueDirectory;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.RunTrackers;
import org.splicecbm.tracking.TrackedRun;
import org.splicecbm.tracking.TrackedRun.RunOutcome;

/**
 * One tracked training run: read the feature sets, train with early stopping on validation, evaluate
 * on test, save the model with its provenance, write the report, and log params, per-epoch metrics,
 * final metrics, tags and artifacts to MLflow. A failure marks the run FAILED with the error.
 */
final class TrainingRun {
    private TrainingRun() {}

    record Result(String runName, String runId, Path modelDir, Path reportDir, Evaluation test, Evaluation val,
                  TrainedProbe probe, String trackedAt, java.util.Optional<org.splicecbm.tracking.TrackingException> trackingOutage) {
        void print(PrintStream out) {
            out.printf(Locale.ROOT, "run %s: test accuracy %.4f, balanced %.4f, macro F1 %.4f%s, effective concepts %d%n",
                    runName, test.accuracy(), test.balancedAccuracy(), test.macroF1(),
                    test.groupAccuracy().isEmpty() ? "" : String.format(Locale.ROOT, ", worst group %.4f", test.worstGroupAccuracy()),
                    test.effectiveConcepts());
            List<String> names = probe.space().classNames();
            for (int c = 0; c < Math.min(10, names.size()); c++) {
                StringBuilder line = new StringBuilder("  " + names.get(c) + ":");
                Explanations.topConcepts(probe, c, 5).stream().filter(w -> w.weight() > 0)
                        .forEach(w -> line.append(String.format(Locale.ROOT, " %s (%.3f)", w.concept(), w.weight())));
                out.println(line);
            }
            out.println("model: " + modelDir + "\nreport: " + reportDir.resolve("report.html") + "\ntracked: " + trackedAt);
        }

        /** Where the finished run is tracked (known only after it ended) and the outage to report, if any. */
        Result trackedAt(String location, java.util.Optional<org.splicecbm.tracking.TrackingException> outage) {
            return new Result(runName, runId, modelDir, reportDir, test, val, probe, location, outage);
        }
    }

    static Result run(RunConfig config) throws IOException {
        String stamped = config.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // two runs started in the same second get two folders (and two run names), never one shared folder
        Path runDir = UniqueDirectory.claim(config.output().resolve("runs"), stamped);
        try {
            return run(config, runDir.getFileName().toString(), Map.of());
        } catch (IOException | RuntimeException e) {
            deleteIfEmpty(runDir); // a run that failed before writing anything leaves no folder behind
            throw e;
        }
    }

    /** A run with a chosen name and tags beside the provenance tags (a sweep's trials: sweep id, parent run). */
    static Result run(RunConfig config, String runName, Map<String, String> extraTags) throws IOException {
        FeatureSplits splits = FeatureSplits.load(config);
        Map<String, String> tags = new LinkedHashMap<>(RunProvenance.tags(config));
        tags.putAll(extraTags);
        try (RunTracker tracker = tracker(config)) {
            TrackedRun run = tracker.startRun(config.experimentName(), runName, tags);
            Path runDir = config.output().resolve("runs").resolve(runName);
            try (RunInterrupts.Guard interrupt = RunInterrupts.guard(run, "train run " + runName, runDir)) {
                Result result = trainAndReport(config, splits, run, runName);
                run.finish(RunOutcome.FINISHED, null);
                return result.trackedAt(tracker.location(), tracker.outage());
            } catch (IOException | RuntimeException e) {
                run.finish(RunOutcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
        }
    }

    private static Result trainAndReport(RunConfig config, FeatureSplits splits, TrackedRun run, String runName)
            throws IOException {
        run.logParams(RunProvenance.params(config));
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
        return new Result(runName, run.runId(), modelDir, reportDir, test, val, probe, null, java.util.Optional.empty());
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // it holds what the failed run wrote; its MLflow run says FAILED and why
        }
    }

    static RunTracker tracker(RunConfig config) {
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
