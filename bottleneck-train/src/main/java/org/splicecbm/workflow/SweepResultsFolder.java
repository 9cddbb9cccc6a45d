package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.data.Split;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.Explanations;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.report.SweepPage;
import org.splicecbm.report.SweepPageHtml;
import org.splicecbm.report.SweepReport;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.runconfig.SweepConfig;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialResult;
import org.splicecbm.tracking.TrackedRun;

/**
 * Writes a sweep's results folder as a whole (atomically): {@code trials.csv}, the sparsity-accuracy plot (PNG,
 * SVG), the self-contained page {@code sweep.html} ({@link SweepPageHtml}), the resolved {@code config.yaml}, and
 * the chosen point's plain run config ({@code chosen-config.yaml}) and probe ({@code chosen-model/}), retrained once
 * at its penalty by the exact solver (the path's probes are not kept) for the page's top concepts and confusion
 * matrix. Every file is logged as an artifact of the parent run.
 */
final class SweepResultsFolder {
    private static final int TOP_CONCEPTS = 5;

    private SweepResultsFolder() {}

    /** Writes the folder; returns the chosen point (best validation metric). */
    static TrialResult write(RunConfig config, List<String> commands, Path dir, List<TrialResult> results, TrackedRun parent,
                             PrintStream out) throws IOException {
        SweepConfig.Metric metric = config.sweep().metric();
        SweepReport.print(out, results, metric);
        TrialResult best = SweepReport.best(results, metric);
        RunConfig chosenConfig = Trial.of(config, best.params().features()).configAt(best.params().probeL1());
        FeatureSplits splits = FeatureSplits.load(chosenConfig); // the chosen path computed these sets
        TrainedProbe probe = ProbeTrainer.train(splits.require(Split.TRAIN), splits.require(Split.VAL), chosenConfig.probe(), null);
        Evaluation test = Evaluation.of(probe, splits.require(Split.TEST));
        out.printf(Locale.ROOT, "chosen %s retrained: test accuracy %.4f (on the path: %.4f)%n", best.params(),
                test.accuracy(), best.testAccuracy());
        List<String> allCommands = new ArrayList<>(commands);
        allCommands.add("splice train --config " + dir.resolve("chosen-config.yaml") + "    # the chosen point alone");
        SweepPage page = new SweepPage(config.name() + ": probe accuracy against sparsity", SweepReport.pagePoints(results),
                results.indexOf(best), probe.space().classNames(), topConcepts(probe), test.confusion(), allCommands,
                ConfigLoader.toYaml(config));
        String title = config.name() + ": test accuracy vs sparsity (probe l1 chosen on val)";
        AtomicDirectory.write(dir, tmp -> {
            SweepReport.writeCsv(tmp.resolve("trials.csv"), results, metric);
            SweepReport.writePlot(title, tmp.resolve("sparsity-accuracy"), results, metric);
            SweepPageHtml.write(tmp.resolve("sweep.html"), page);
            ConfigLoader.save(config, tmp.resolve("config.yaml"));
            ConfigLoader.save(chosenConfig, tmp.resolve("chosen-config.yaml"));
            probe.save(tmp.resolve("chosen-model"));
        });
        track(parent, dir, best, metric);
        out.println("results: " + dir.resolve("trials.csv") + "\nplot: " + dir.resolve("sparsity-accuracy.png")
                + "\npage: " + dir.resolve("sweep.html"));
        return best;
    }

    private static List<List<String>> topConcepts(TrainedProbe probe) {
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k < probe.space().numClasses(); k++) {
            out.add(Explanations.topConcepts(probe, k, TOP_CONCEPTS).stream()
                    .map(c -> String.format(Locale.ROOT, "%s (%.3f)", c.concept(), c.weight())).toList());
        }
        return out;
    }

    private static void track(TrackedRun parent, Path dir, TrialResult best, SweepConfig.Metric metric) throws IOException {
        parent.logMetrics(Map.of("best_" + metric.yaml(), best.metric(metric), "best_test_accuracy", best.testAccuracy(),
                "best_mean_l0", best.meanL0(), "best_nec", best.nec()), 0);
        parent.setTags(Map.of("splice.sweep.best_trial", best.params().key(), "splice.sweep.best_run", best.runName()));
        for (String file : List.of("trials.csv", "sparsity-accuracy.png", "sparsity-accuracy.svg", "sweep.html", "config.yaml",
                "chosen-config.yaml")) {
            parent.logArtifact(dir.resolve(file), "");
        }
        try (var model = java.nio.file.Files.list(dir.resolve("chosen-model"))) {
            model.forEach(f -> parent.logArtifact(f, "chosen-model"));
        }
    }
}
