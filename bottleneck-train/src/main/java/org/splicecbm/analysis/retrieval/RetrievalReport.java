package org.splicecbm.analysis.retrieval;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.splicecbm.analysis.HtmlPage;
import org.splicecbm.report.ChartFiles;
import org.splicecbm.store.AtomicFiles;

/** {@code retrieval.csv}, {@code retrieval.png/.svg} (mean recall with std bars per setting) and {@code retrieval.html}. */
public final class RetrievalReport {
    private static final String[] DIRECTIONS = {"image_to_text", "text_to_image"};

    private RetrievalReport() {}

    public static List<String> table(List<RetrievalRow> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %8s %8s %6s  %s", "setting", "mean_L0", "cosine", "subsets",
                "recall@1/5/10 image->text | text->image (mean +- std over subsets)"));
        for (RetrievalRow r : rows) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s %8.2f %8.4f %6d ", r.setting(), r.meanL0(),
                    r.meanCosine(), r.subsets()));
            for (int d = 0; d < 2; d++) {
                for (int k = 0; k < RecallAtK.KS.length; k++) {
                    s.append(String.format(Locale.ROOT, " %.4f+-%.4f", r.mean()[d][k], r.std()[d][k]));
                }
                s.append(d == 0 ? " |" : "");
            }
            lines.add(s.toString());
        }
        return lines;
    }

    public static void write(List<RetrievalRow> rows, String title, List<String> context, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("setting,l1,mean_l0,mean_cosine,subsets");
        for (String d : DIRECTIONS) {
            for (int k : RecallAtK.KS) {
                csv.append(',').append(d).append("_r").append(k).append("_mean,").append(d).append("_r").append(k).append("_std");
            }
        }
        csv.append('\n');
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (RetrievalRow r : rows) {
            csv.append(r.setting()).append(',').append(Double.isNaN(r.l1()) ? "" : Double.toString(r.l1())).append(',')
                    .append(r.meanL0()).append(',').append(r.meanCosine()).append(',').append(r.subsets());
            for (int d = 0; d < 2; d++) {
                for (int k = 0; k < RecallAtK.KS.length; k++) {
                    csv.append(',').append(r.mean()[d][k]).append(',').append(r.std()[d][k]);
                    data.add(r.mean()[d][k], Double.isNaN(r.std()[d][k]) ? 0 : r.std()[d][k], r.setting(),
                            (d == 0 ? "image->text" : "text->image") + " R@" + RecallAtK.KS[k]);
                }
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(dir.resolve("retrieval.csv"), csv.toString());
        JFreeChart chart = ChartFactory.createBarChart(title, "", "recall (mean +- std over subsets)", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRenderer(new StatisticalBarRenderer());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart.setBackgroundPaint(Color.WHITE);
        Path png = ChartFiles.write(chart, dir.resolve("retrieval"), 1000, 560);
        HtmlPage page = new HtmlPage(title);
        context.forEach(page::paragraph);
        List<List<String>> cells = new ArrayList<>();
        for (RetrievalRow r : rows) {
            List<String> row = new ArrayList<>(List.of(r.setting(), String.format(Locale.ROOT, "%.2f", r.meanL0()),
                    String.format(Locale.ROOT, "%.4f", r.meanCosine())));
            for (int d = 0; d < 2; d++) {
                for (int k = 0; k < RecallAtK.KS.length; k++) {
                    row.add(String.format(Locale.ROOT, "%.4f ± %.4f", r.mean()[d][k], r.std()[d][k]));
                }
            }
            cells.add(row);
        }
        page.table(List.of("setting", "mean L0", "cosine", "I→T R@1", "I→T R@5", "I→T R@10", "T→I R@1", "T→I R@5", "T→I R@10"), cells)
                .image(png, "retrieval recall").write(dir.resolve("retrieval.html"));
    }
}
