package org.splicecbm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Probe accuracy against the sparsity of the SpLiCE features (mean L0 per image, log scale), one line
 * per series (e.g. per vocabulary), as in the paper's linear-probe study (Bhalla et al., Fig. 4).
 */
public final class SparsityAccuracyPlot {
    private SparsityAccuracyPlot() {}

    /** One measured trial: mean L0 of its features and the probe's test accuracy. */
    public record Point(double meanL0, double accuracy) {}

    /** Writes {@code base}.png and {@code base}.svg; returns the PNG path. */
    public static Path write(String title, Map<String, List<Point>> series, Path base) throws IOException {
        return write(title, "mean L0 (concepts per image, log scale)", series, base);
    }

    /**
     * The same plot with another sparsity measure on the x axis ({@code xLabel}, e.g. a probe's NEC); points
     * at x = 0 cannot be drawn on the log axis and are left out.
     */
    public static Path write(String title, String xLabel, Map<String, List<Point>> series, Path base) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, true, true);
            for (Point p : points) {
                if (p.meanL0() > 0) {
                    s.add(p.meanL0(), p.accuracy());
                }
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "probe accuracy",
                data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(sparsityAxis(xLabel));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return ChartFiles.write(chart, base, 800, 520);
    }

    /** A log axis labelled with plain numbers (10.8, 20, 50), not JFreeChart's default powers ({@code 10^1.03}). */
    static LogAxis sparsityAxis(String label) {
        LogAxis x = new ReadableLogAxis(label); // callers name the scale in their label
        x.setSmallestValue(0.5);
        return x;
    }
}
