package org.splicecbm.workflow;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.Explanations;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.tracking.TrackingException;

/**
 * What one {@link TrainingRun} produced: the trained probe, its test and validation evaluations, the run folder
 * ({@code model/}, {@code report/}, {@code config.yaml}), and where the run is tracked (MLflow run id and store).
 *
 * @param runName   the run's name, also its folder name under {@code output/runs/}
 * @param runId     the tracked (MLflow) run id
 * @param modelDir  the saved probe
 * @param reportDir the HTML report and its plots
 * @param test      evaluation on the test split
 * @param val       evaluation on the validation split
 * @param probe     the trained probe
 * @param trackedAt the tracking store's location (where the run really is: the local mirror during an outage)
 * @param trackingOutage the tracking server's failure, when the run reached only the local mirror
 */
public record TrainingResult(String runName, String runId, Path modelDir, Path reportDir, Evaluation test, Evaluation val,
                             TrainedProbe probe, String trackedAt, Optional<TrackingException> trackingOutage) {

    /** This result with where the finished run is tracked (known only after it ended) and the outage, if any. */
    public TrainingResult trackedAt(String location, Optional<TrackingException> outage) {
        return new TrainingResult(runName, runId, modelDir, reportDir, test, val, probe, location, outage);
    }

    /** The run folder: {@code model/}, {@code report/} and the resolved {@code config.yaml}. */
    public Path runDir() {
        return modelDir.getParent();
    }

    /** Prints the run summary the CLI shows. */
    public void print(PrintStream out) {
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
}
