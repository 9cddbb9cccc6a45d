package org.splicecbm.analysis.histogram;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.splicecbm.report.ChartFiles;

/** The concept histogram as SpLiCE draws it: overlaid translucent bars per class, counts on a log axis. */
final class HistogramPlot {
    private static final Color[] COLOURS = {new Color(0x62, 0x9D, 0x1E, 150), new Color(0xE8, 0x62, 0x76, 150),
            new Color(0x3B, 0x75, 0xAF, 150), new Color(0xE0, 0x9F, 0x3E, 150)};

    private HistogramPlot() {}

    static Path write(ConceptHistogram h, String title, Path base) throws IOException {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (int k = 0; k < h.classes().size(); k++) {
            XYIntervalSeries series = new XYIntervalSeries(h.classes().get(k).className());
            for (int b = 0; b < ConceptHistogram.BINS; b++) {
                if (h.counts()[k][b] > 0) { // a log axis has no place for empty bins
                    double x = (h.edges()[b] + h.edges()[b + 1]) / 2;
                    series.add(x, h.edges()[b], h.edges()[b + 1], h.counts()[k][b], 0.5, h.counts()[k][b]);
                }
            }
            data.addSeries(series);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(0.5);
        renderer.setUseYInterval(false);
        for (int k = 0; k < h.classes().size(); k++) {
            renderer.setSeriesPaint(k, COLOURS[k % COLOURS.length]);
        }
        LogAxis y = new LogAxis("images (log scale)");
        y.setSmallestValue(0.5);
        XYPlot plot = new XYPlot(data, new NumberAxis("mean weight of the chosen concepts"), y, renderer);
        plot.setBackgroundPaint(new Color(0xF5F5F5));
        plot.setRangeGridlinePaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return ChartFiles.write(chart, base, 900, 560);
    }
}
