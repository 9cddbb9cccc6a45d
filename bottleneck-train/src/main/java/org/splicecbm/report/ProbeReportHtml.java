package org.splicecbm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.Explanations;
import org.splicecbm.probe.Explanations.ConceptWeight;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.store.AtomicFiles;

/** The HTML page of a {@link ProbeReport}: metrics, per-class top concepts, group accuracies, plots. */
final class ProbeReportHtml {
    private ProbeReportHtml() {}

    static Path write(Path file, String title, TrainedProbe probe, Evaluation test, Map<Integer, String> groupNames,
                      int topConcepts) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
                        + "figure{display:inline-block;width:47%;margin:.3em;vertical-align:top}figure img{max-width:100%}"
                        + ".intervention{background:#fff3cd;border:1px solid #e0c060;padding:.6em}</style></head><body>");
        h.append("<h1>").append(esc(title)).append("</h1>");
        intervention(h, probe);
        h.append("<h2>Test metrics</h2><table>");
        row(h, "accuracy", test.accuracy());
        row(h, "balanced accuracy", test.balancedAccuracy());
        row(h, "macro F1", test.macroF1());
        if (!test.groupAccuracy().isEmpty()) {
            row(h, "worst-group accuracy", test.worstGroupAccuracy());
        }
        h.append("<tr><td>effective concepts (columns with any nonzero weight)</td><td>").append(test.effectiveConcepts()).append("</td></tr>");
        h.append("<tr><td>best epoch / epochs run</td><td>").append(probe.summary().bestEpoch()).append(" / ")
                .append(probe.summary().epochsRun()).append("</td></tr></table>");
        if (!test.groupAccuracy().isEmpty()) {
            h.append("<h2>Accuracy per group</h2><table><tr><th>group</th><th>accuracy</th></tr>");
            test.groupAccuracy().forEach((g, acc) -> row(h, groupNames.getOrDefault(g, "group " + g), acc));
            h.append("</table>");
        }
        h.append("<h2>Top concepts per class</h2><table><tr><th>class</th><th>accuracy</th><th>nonzero weights</th><th>top concepts (probe weight)</th></tr>");
        List<String> names = probe.space().classNames();
        for (int c = 0; c < names.size(); c++) {
            h.append("<tr><td>").append(esc(names.get(c))).append("</td><td>").append(fmt(test.perClassAccuracy()[c]))
                    .append("</td><td>").append(test.nonzerosPerClass()[c]).append("</td><td>");
            for (ConceptWeight w : ProbeReport.positive(Explanations.topConcepts(probe, c, topConcepts))) {
                h.append(esc(w.concept())).append(" (").append(fmt(w.weight())).append(") ");
            }
            h.append("</td></tr>");
        }
        h.append("</table><h2>Plots</h2>");
        figure(h, "training_curve.png", "Training curves");
        figure(h, "confusion_test.png", "Confusion matrix on the test split (rows: true class)");
        for (int c = 0; c < names.size(); c++) {
            if (java.nio.file.Files.exists(file.resolveSibling("class_" + c + ".png"))) {
                figure(h, "class_" + c + ".png", names.get(c) + ": concepts with the largest probe weights");
            }
        }
        h.append("<p>Tables: <a href=\"concepts_per_class.csv\">concepts_per_class.csv</a>, "
                + "<a href=\"confusion_test.csv\">confusion_test.csv</a></p></body></html>\n");
        AtomicFiles.writeString(file, h.toString());
        return file;
    }

    /** An intervention run says so first: which concepts were suppressed, and when. */
    private static void intervention(StringBuilder h, TrainedProbe probe) {
        List<String> suppressed = probe.config().suppressConcepts();
        if (!suppressed.isEmpty()) {
            h.append("<p class=\"intervention\"><strong>Intervention run:</strong> concepts suppressed at ")
                    .append(esc(probe.config().suppressAt().yaml())).append(": ")
                    .append(esc(String.join(", ", suppressed))).append("</p>");
        }
    }

    /** A picture by its path relative to the page, so the report folder can be moved or served as it is. */
    private static void figure(StringBuilder h, String relative, String caption) {
        h.append("<figure><img src=\"").append(esc(relative)).append("\" alt=\"").append(esc(caption))
                .append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    private static void row(StringBuilder h, String name, double value) {
        h.append("<tr><td>").append(esc(name)).append("</td><td>").append(fmt(value)).append("</td></tr>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
