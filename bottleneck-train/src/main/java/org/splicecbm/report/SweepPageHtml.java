package org.splicecbm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splicecbm.store.AtomicFiles;

/**
 * Writes a {@link SweepPage} as one self-contained HTML file: the three plots as data URIs (test accuracy
 * against mean L0 of the SpLiCE features, against probe NEC, and reconstruction cosine against L0; Pareto
 * fronts marked), a table of every point sortable by clicking a header (inline script, no network), the
 * chosen configuration's top concepts and confusion matrix, and the commands and resolved config.
 */
public final class SweepPageHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:80em}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}"
            + "th{cursor:pointer;background:#f3f3f3}tr.chosen td{background:#fff3c4}td.front{font-weight:bold}"
            + "img{max-width:49%;margin:.2em}pre{background:#f6f6f6;padding:1em;overflow:auto}";
    private static final String SORT_SCRIPT = "document.querySelectorAll('table.sortable th').forEach(function(th,col){"
            + "th.addEventListener('click',function(){var body=th.closest('table').tBodies[0];"
            + "var rows=Array.from(body.rows);var up=th.dataset.dir!=='asc';th.dataset.dir=up?'asc':'desc';"
            + "rows.sort(function(a,b){var x=a.cells[col].dataset.v,y=b.cells[col].dataset.v;"
            + "var d=(isNaN(x)||isNaN(y))?String(x).localeCompare(String(y)):x-y;return up?d:-d;});"
            + "rows.forEach(function(r){body.appendChild(r);});});});"
            + "window.addEventListener('load',function(){document.body.dataset.plotsShown="
            + "Array.from(document.images).filter(function(i){return i.complete&&i.naturalWidth>0;}).length;});";

    private SweepPageHtml() {}

    public static Path write(Path file, SweepPage page) throws IOException {
        List<SweepPoint> points = page.points();
        boolean[] l0Front = ParetoFront.mark(points, SweepPoint::meanL0);
        boolean[] necFront = ParetoFront.mark(points, SweepPoint::nec);
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(esc(page.title())).append("</title><style>").append(STYLE).append("</style></head><body><h1>")
                .append(esc(page.title())).append("</h1><h2>Accuracy against sparsity</h2><div id=\"plots\">");
        img(h, "accuracy-vs-l0", SweepPageCharts.dataUri("test accuracy vs mean L0 of the SpLiCE features",
                "mean L0 (concepts per image, log scale)", "test accuracy", points, SweepPoint::meanL0, SweepPoint::testAccuracy, l0Front));
        img(h, "accuracy-vs-nec", SweepPageCharts.dataUri("test accuracy vs probe NEC", "NEC (nonzero weights per class, log scale)",
                "test accuracy", points, SweepPoint::nec, SweepPoint::testAccuracy, necFront));
        img(h, "cosine-vs-l0", SweepPageCharts.dataUri("reconstruction cosine vs mean L0", "mean L0 (concepts per image, log scale)",
                "mean cosine", points, SweepPoint::meanL0, SweepPoint::meanCosine, null));
        h.append("</div><p>Dashed line: the Pareto front (no other point is at least as sparse and at least as accurate)."
                + " Bold in the table: on the front of accuracy against L0 / NEC. Highlighted row: the chosen configuration"
                + " (best validation accuracy).</p>");
        table(h, page, l0Front, necFront);
        chosen(h, page);
        h.append("<h2>How this sweep was run</h2><pre id=\"commands\">");
        page.commands().forEach(c -> h.append(esc(c)).append('\n'));
        h.append("</pre><h3>Resolved config</h3><pre id=\"config\">").append(esc(page.resolvedConfig())).append("</pre>");
        h.append("<script>").append(SORT_SCRIPT).append("</script></body></html>\n");
        AtomicFiles.writeString(file, h.toString());
        return file;
    }

    private static void img(StringBuilder h, String id, String dataUri) {
        h.append("<img class=\"plot\" id=\"").append(id).append("\" alt=\"").append(id).append("\" src=\"").append(dataUri).append("\">");
    }

    private static void table(StringBuilder h, SweepPage page, boolean[] l0Front, boolean[] necFront) {
        h.append("<h2>Every point</h2><table class=\"sortable\" id=\"points\"><thead><tr>");
        for (String name : List.of("SpLiCE l1", "vocabulary", "probe l1", "mean L0", "mean cosine", "NEC", "val accuracy",
                "test accuracy")) {
            h.append("<th>").append(name).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int i = 0; i < page.points().size(); i++) {
            SweepPoint p = page.points().get(i);
            h.append(i == page.chosen() ? "<tr class=\"chosen\">" : "<tr>");
            cell(h, p.spliceL1(), "%.4g", false);
            cell(h, p.vocabularySize(), "%.0f", false);
            cell(h, p.probeL1(), "%.3e", false);
            cell(h, p.meanL0(), "%.2f", l0Front[i]);
            cell(h, p.meanCosine(), "%.4f", false);
            cell(h, p.nec(), "%.2f", necFront[i]);
            cell(h, p.valAccuracy(), "%.4f", false);
            cell(h, p.testAccuracy(), "%.4f", l0Front[i] || necFront[i]);
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void cell(StringBuilder h, double v, String format, boolean front) {
        h.append(front ? "<td class=\"front\"" : "<td").append(" data-v=\"").append(v).append("\">")
                .append(String.format(Locale.ROOT, format, v)).append("</td>");
    }

    private static void chosen(StringBuilder h, SweepPage page) {
        SweepPoint c = page.points().get(page.chosen());
        h.append("<h2>Chosen configuration</h2><p>SpLiCE l1 ").append(c.spliceL1()).append(", vocabulary ")
                .append(c.vocabularySize()).append(", probe l1 ").append(String.format(Locale.ROOT, "%.3e", c.probeL1()))
                .append(": validation accuracy ").append(String.format(Locale.ROOT, "%.4f", c.valAccuracy()))
                .append(", test accuracy ").append(String.format(Locale.ROOT, "%.4f", c.testAccuracy()))
                .append(".</p><table id=\"top-concepts\"><tr><th>class</th><th>top concepts (weight)</th></tr>");
        for (int k = 0; k < page.classNames().size(); k++) {
            h.append("<tr><td>").append(esc(page.classNames().get(k))).append("</td><td style=\"text-align:left\">")
                    .append(esc(String.join(", ", page.topConcepts().get(k)))).append("</td></tr>");
        }
        h.append("</table><h3>Test confusion matrix (rows: true class, columns: predicted)</h3><table id=\"confusion\"><tr><th></th>");
        page.classNames().forEach(n -> h.append("<th>").append(esc(n)).append("</th>"));
        h.append("</tr>");
        for (int t = 0; t < page.confusion().length; t++) {
            h.append("<tr><th>").append(esc(page.classNames().get(t))).append("</th>");
            for (long count : page.confusion()[t]) {
                h.append("<td>").append(count).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
