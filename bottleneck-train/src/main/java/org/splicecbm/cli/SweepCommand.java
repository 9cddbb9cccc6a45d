package org.splicecbm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.RunConfig;
import org.splicecbm.config.SweepConfig;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.UniqueDirectory;
import org.splicecbm.sweep.ArbiterSweepRunner;
import org.splicecbm.sweep.ArbiterSweepSearch;
import org.splicecbm.sweep.ResumingExecutor;
import org.splicecbm.sweep.SweepReport;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialParams;
import org.splicecbm.sweep.TrialResult;
import org.splicecbm.sweep.TrialStore;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.TrackedRun;
import org.splicecbm.tracking.TrackedRun.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice sweep}: the paper's linear-probe study (Bhalla et al., NeurIPS 2024, Fig. 4). Runs every
 * trial of the config's {@code sweep:} section (features, training, evaluation, one MLflow run each under
 * a parent run of the sweep), then writes {@code trials.csv}, the accuracy-vs-sparsity plot and the
 * resolved config to {@code output/sweeps/<name>-<time>/}. Finished trials are stored in
 * {@code output/sweeps/<name>/trials/}, so a rerun resumes.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep SpLiCE l1, vocabulary size and probe l1 (grid or random, via Arbiter); plot accuracy against sparsity.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "YAML run config with a sweep: section (see configs/cifar100-sweep.yaml)")
    Path configFile;

    /** slf4j-simple's per-logger level key for Arbiter, whose runner logs every scheduling step at INFO. */
    private static final String ARBITER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.deeplearning4j.arbiter";

    @Override
    public Integer call() throws IOException {
        if (System.getProperty(ARBITER_LOG_LEVEL) == null) {
            System.setProperty(ARBITER_LOG_LEVEL, "warn"); // the sweep prints its own progress; -D... overrides
        }
        RunConfig config = ConfigLoader.load(configFile, RunConfig.class);
        if (config.sweep() == null) {
            throw new IllegalArgumentException(configFile + " has no sweep: section; add one, e.g. sweep: {splice_l1: [0.15, 0.25],"
                    + " vocabulary_size: [5000, 10000], probe_l1: [1.0e-5, 1.0e-4]} (see configs/cifar100-sweep.yaml)");
        }
        SweepConfig sweep = config.sweep();
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
        System.out.printf("sweep %s: %d trials (%s search), %d already done, %d to run%n", sweepId, plan.size(),
                sweep.search().yaml(), done, plan.size() - done);
        try (RunTracker tracker = TrainingRun.tracker(config)) {
            TrackedRun parent = tracker.startRun(config.experimentName(), sweepId, sweepTags(config, sweepId));
            try {
                parent.logParams(RunProvenance.params(config));
                List<TrialResult> results = runTrials(config, plan, store, sweepId, parent);
                writeResults(config, sweepDir, results, parent);
                parent.finish(RunOutcome.FINISHED, null);
            } catch (IOException | RuntimeException e) {
                parent.finish(RunOutcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
            System.out.println("tracked: " + tracker.location());
            if (tracker.outage().isPresent()) {
                throw tracker.outage().get(); // after the sweep is stored locally
            }
        }
        return 0;
    }

    private static List<TrialResult> runTrials(RunConfig config, List<TrialParams> plan, TrialStore store,
                                               String sweepId, TrackedRun parent) {
        Map<String, String> childTags = Map.of("splice.sweep", sweepId, "mlflow.parentRunId", parent.runId());
        SweepTrials trials = new SweepTrials(sweepId, childTags, System.out);
        return ArbiterSweepRunner.run(config, plan, new ResumingExecutor(store, trials), config.sweep().metric());
    }

    private static void writeResults(RunConfig config, Path sweepDir, List<TrialResult> results, TrackedRun parent)
            throws IOException {
        SweepConfig.Metric metric = config.sweep().metric();
        SweepReport.print(System.out, results, metric);
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
        System.out.println("results: " + csv + "\nplot: " + png);
    }

    private static Map<String, String> sweepTags(RunConfig config, String sweepId) {
        Map<String, String> tags = new LinkedHashMap<>(RunProvenance.tags(config));
        tags.put("splice.sweep", sweepId);
        return tags;
    }
}
