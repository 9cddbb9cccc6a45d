package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.report.SweepReport;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.runconfig.SweepConfig;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.UniqueDirectory;
import org.splicecbm.sweep.ArbiterSweepRunner;
import org.splicecbm.sweep.ArbiterSweepSearch;
import org.splicecbm.sweep.ResumingExecutor;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialParams;
import org.splicecbm.sweep.TrialResult;
import org.splicecbm.sweep.TrialStore;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.TrackedRun.RunOutcome;
import org.splicecbm.tracking.TrackedRun;

/**
 * A sweep as a library call: plan the trials of the config's {@code sweep:} section (grid or seeded random), run
 * the ones not yet in the trial store ({@link SweepTrials}: features, then a tracked training run each) under one
 * tracked parent run, and write the table and the sparsity-accuracy plot atomically. Returns a {@link SweepResult}.
 */
public final class SweepRun {
    private SweepRun() {}

    /** Runs the sweep of {@code config} (which must have a {@code sweep:} section), printing progress to {@code out}. */
    public static SweepResult run(RunConfig config, PrintStream out) throws IOException {
        if (config.sweep() == null) {
            throw new IllegalArgumentException("config " + config.name() + " has no sweep: section");
        }
        String stamped = config.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // claimed now, so a sweep started in the same second gets its own results folder
        Path sweepDir = UniqueDirectory.claim(config.output().resolve("sweeps"), stamped);
        String sweepId = sweepDir.getFileName().toString();
        List<TrialParams> plan = new ArbiterSweepSearch(config).trials();
        TrialStore store = new TrialStore(config.output().resolve("sweeps").resolve(config.name()).resolve("trials"));
        int done = 0;
        for (TrialParams p : plan) {
            done += store.completed(Trial.of(config, p)).isPresent() ? 1 : 0;
        }
        out.printf("sweep %s: %d trials (%s search), %d already done, %d to run%n", sweepId, plan.size(),
                config.sweep().search().yaml(), done, plan.size() - done);
        try (RunTracker tracker = TrainingRun.tracker(config)) {
            TrackedRun parent = tracker.startRun(config.experimentName(), sweepId, sweepTags(config, sweepId));
            SweepResult result;
            try {
                parent.logParams(RunProvenance.params(config));
                Map<String, String> childTags = Map.of("splice.sweep", sweepId, "mlflow.parentRunId", parent.runId());
                SweepTrials trials = new SweepTrials(sweepId, childTags, out);
                List<TrialResult> results = ArbiterSweepRunner.run(config, plan, new ResumingExecutor(store, trials),
                        config.sweep().metric());
                TrialResult chosen = writeResults(config, sweepDir, results, parent, out);
                parent.finish(RunOutcome.FINISHED, null);
                result = new SweepResult(sweepId, results, chosen, sweepDir, parent.runId());
            } catch (IOException | RuntimeException e) {
                parent.finish(RunOutcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
            out.println("tracked: " + tracker.location());
            if (tracker.outage().isPresent()) {
                throw tracker.outage().get(); // after the sweep is stored locally
            }
            return result;
        }
    }

    private static TrialResult writeResults(RunConfig config, Path sweepDir, List<TrialResult> results, TrackedRun parent,
                                            PrintStream out) throws IOException {
        SweepConfig.Metric metric = config.sweep().metric();
        SweepReport.print(out, results, metric);
        String title = config.name() + ": test accuracy vs sparsity (probe l1 chosen on val)";
        // the table, plot and config appear together or not at all
        AtomicDirectory.write(sweepDir, tmp -> {
            SweepReport.writeCsv(tmp.resolve("trials.csv"), results, metric);
            SweepReport.writePlot(title, tmp.resolve("sparsity-accuracy"), results, metric);
            ConfigLoader.save(config, tmp.resolve("config.yaml"));
        });
        Path csv = sweepDir.resolve("trials.csv");
        Path png = sweepDir.resolve("sparsity-accuracy.png");
        TrialResult best = SweepReport.best(results, metric);
        parent.logMetrics(Map.of("best_" + metric.yaml(), best.metric(metric), "best_test_accuracy", best.testAccuracy(),
                "best_mean_l0", best.meanL0()), 0);
        parent.setTags(Map.of("splice.sweep.best_trial", best.params().key(), "splice.sweep.best_run", best.runName()));
        for (Path f : List.of(csv, png, sweepDir.resolve("sparsity-accuracy.svg"), sweepDir.resolve("config.yaml"))) {
            parent.logArtifact(f, "");
        }
        out.println("results: " + csv + "\nplot: " + png);
        return best;
    }

    private static Map<String, String> sweepTags(RunConfig config, String sweepId) {
        Map<String, String> tags = new LinkedHashMap<>(RunProvenance.tags(config));
        tags.put("splice.sweep", sweepId);
        return tags;
    }
}
