package org.splicecbm.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.splicecbm.report.SparsityAccuracyPlot.Point;
import org.splicecbm.runconfig.SweepConfig;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.sweep.TrialParams;
import org.splicecbm.sweep.TrialResult;

/**
 * The results of a sweep: {@code trials.csv} (one row per point of every regularisation path), the best
 * point by the validation selection metric, and the accuracy-vs-sparsity plot of the paper's linear-probe study (Bhalla et al.,
 * Fig. 4): one line per vocabulary size, one point per SpLiCE l1, at the probe l1 chosen on validation.
 */
public final class SweepReport {
    static final String HEADER = "trial,vocabulary_size,splice_l1,probe_l1,mean_l0,mean_cosine,nonzeros,effective_concepts,nec,"
            + "val_accuracy,val_balanced_accuracy,val_macro_f1,test_accuracy,test_balanced_accuracy,best,run_name,mlflow_run_id";

    private SweepReport() {}

    /** The trial with the highest selection metric; ties go to the earlier trial of the plan. */
    public static TrialResult best(List<TrialResult> results, SweepConfig.Metric metric) {
        TrialResult best = null;
        for (TrialResult r : results) {
            if (best == null || r.metric(metric) > best.metric(metric)) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("a sweep report needs at least one trial");
        }
        return best;
    }

    /** Writes {@code trials.csv} atomically. */
    public static void writeCsv(Path file, List<TrialResult> results, SweepConfig.Metric metric) throws IOException {
        TrialResult best = best(results, metric);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < results.size(); i++) {
            TrialResult r = results.get(i);
            TrialParams p = r.params();
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%.4f,%.6f,%d,%d,%.4f,%.6f,%.6f,%.6f,%.6f,%.6f,%s,%s,%s%n", i,
                    p.vocabularySize(), p.spliceL1(), p.probeL1(), r.meanL0(), r.meanCosine(), r.nonzeros(), r.effectiveConcepts(),
                    r.nec(), r.valAccuracy(), r.valBalancedAccuracy(), r.valMacroF1(), r.testAccuracy(), r.testBalancedAccuracy(),
                    r == best, r.runName(), r.runId()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** Writes {@code base}.png and {@code base}.svg; returns the PNG. */
    public static Path writePlot(String title, Path base, List<TrialResult> results, SweepConfig.Metric metric) throws IOException {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        selectedPerFeatureSet(results, metric).forEach((size, perL1) -> series.put("k = " + size,
                perL1.values().stream().map(r -> new Point(r.meanL0(), r.testAccuracy()))
                        .sorted(Comparator.comparingDouble(Point::meanL0)).toList()));
        return SparsityAccuracyPlot.write(title, series, base);
    }

    /** Per vocabulary size and SpLiCE l1: the trial whose probe l1 scored best on validation. */
    static Map<Integer, Map<Double, TrialResult>> selectedPerFeatureSet(List<TrialResult> results, SweepConfig.Metric metric) {
        Map<Integer, Map<Double, TrialResult>> out = new TreeMap<>();
        for (TrialResult r : results) {
            Map<Double, TrialResult> perL1 = out.computeIfAbsent(r.params().vocabularySize(), k -> new TreeMap<>());
            perL1.merge(r.params().spliceL1(), r, (a, b) -> b.metric(metric) > a.metric(metric) ? b : a);
        }
        return out;
    }

    /** The points of a sweep's HTML page, one per result, in the same order. */
    public static List<SweepPoint> pagePoints(List<TrialResult> results) {
        return results.stream().map(r -> new SweepPoint(r.params().spliceL1(), r.params().vocabularySize(), r.params().probeL1(),
                r.meanL0(), r.meanCosine(), r.nec(), r.valAccuracy(), r.testAccuracy())).toList();
    }

    /** The table as the terminal shows it; the best trial is marked with '*'. */
    public static void print(PrintStream out, List<TrialResult> results, SweepConfig.Metric metric) {
        TrialResult best = best(results, metric);
        out.printf(Locale.ROOT, "%-3s %6s %9s %10s %8s %7s %6s %8s %8s%n", "", "size", "splice_l1", "probe_l1", "mean_L0",
                "NEC", "eff.c", "val_acc", "test_acc");
        for (TrialResult r : results) {
            TrialParams p = r.params();
            out.printf(Locale.ROOT, "%-3s %6d %9s %10.4e %8.2f %7.2f %6d %8.4f %8.4f%n", r == best ? "*" : "", p.vocabularySize(),
                    p.spliceL1(), p.probeL1(), r.meanL0(), r.nec(), r.effectiveConcepts(), r.valAccuracy(), r.testAccuracy());
        }
        out.printf(Locale.ROOT, "best by %s: %s (%s %.4f, test accuracy %.4f, run %s)%n", metric.yaml(), best.params(),
                metric.yaml(), best.metric(metric), best.testAccuracy(), best.runName());
    }
}
