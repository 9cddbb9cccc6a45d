package org.splicecbm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.Explanations;
import org.splicecbm.probe.Explanations.ConceptWeight;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.store.AtomicFiles;

/**
 * The report of one trained concept-bottleneck probe: per-class concept tables (CSV), the confusion
 * matrix (CSV), the training curves and the top concepts of each class as plots (PNG + SVG), and an
 * HTML page tying them together. Every file is an MLflow artifact of the run.
 */
public final class ProbeReport {
    /** Classes that get their own concept bar plot (beyond that the CSV has them all). */
    private static final int PLOTTED_CLASSES = 20;
    private static final int TOP_CONCEPTS = 10;
    /** What the per-class plots show: the probe's weight on a concept's SpLiCE weight, not the SpLiCE weight itself. */
    static final String PROBE_WEIGHT = "probe weight (logit per unit of SpLiCE concept weight)";

    private ProbeReport() {}

    /** Writes the report into {@code dir}; returns the files written (for artifact logging). */
    public static List<Path> write(Path dir, String title, TrainedProbe probe, Evaluation test,
                                   Map<Integer, String> groupNames) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(conceptTable(dir.resolve("concepts_per_class.csv"), probe));
        files.add(confusion(dir.resolve("confusion_test.csv"), probe, test));
        files.add(ConfusionMatrixPlot.write(title + ": test confusion matrix", probe.space().classNames(), test.confusion(),
                dir.resolve("confusion_test")));
        files.add(dir.resolve("confusion_test.svg"));
        Path curve = TrainingCurvePlot.write(title + ": training", probe.summary().history(), dir.resolve("training_curve"));
        files.add(curve);
        files.add(dir.resolve("training_curve.svg"));
        List<String> classNames = probe.space().classNames();
        for (int c = 0; c < Math.min(PLOTTED_CLASSES, classNames.size()); c++) {
            List<ConceptWeight> top = positive(Explanations.topConcepts(probe, c, TOP_CONCEPTS));
            if (!top.isEmpty()) {
                Path png = ConceptBarPlot.write(classNames.get(c) + ": concepts with the largest probe weights", PROBE_WEIGHT,
                        top.stream().map(ConceptWeight::concept).toList(),
                        top.stream().mapToDouble(ConceptWeight::weight).toArray(), dir.resolve("class_" + c));
                files.add(png);
                files.add(dir.resolve("class_" + c + ".svg"));
            }
        }
        files.add(ProbeReportHtml.write(dir.resolve("report.html"), title, probe, test, groupNames, TOP_CONCEPTS));
        return files;
    }

    static List<ConceptWeight> positive(List<ConceptWeight> weights) {
        return weights.stream().filter(w -> w.weight() > 0).toList();
    }

    private static Path conceptTable(Path file, TrainedProbe probe) throws IOException {
        StringBuilder csv = new StringBuilder("class,rank,concept,weight\n");
        List<String> classNames = probe.space().classNames();
        for (int c = 0; c < classNames.size(); c++) {
            List<ConceptWeight> top = Explanations.topConcepts(probe, c, 20);
            for (int r = 0; r < top.size(); r++) {
                csv.append(csvField(classNames.get(c))).append(',').append(r + 1).append(',')
                        .append(csvField(top.get(r).concept())).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", top.get(r).weight())).append('\n');
            }
        }
        AtomicFiles.writeString(file, csv.toString());
        return file;
    }

    private static Path confusion(Path file, TrainedProbe probe, Evaluation test) throws IOException {
        List<String> names = probe.space().classNames();
        StringBuilder csv = new StringBuilder("true\\predicted");
        names.forEach(n -> csv.append(',').append(csvField(n)));
        csv.append('\n');
        for (int t = 0; t < names.size(); t++) {
            csv.append(csvField(names.get(t)));
            for (long v : test.confusion()[t]) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
        return file;
    }

    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
