package org.splicecbm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The plots of a {@link SweepPage} as PNG data URIs (so the page needs no other file and no network): one
 * marker series per vocabulary size, and where asked the Pareto front as a line over the non-dominated points.
 */
final class SweepPageCharts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 460;

    private SweepPageCharts() {}

    /**
     * A scatter of {@code y} against {@code x} (log x axis); points with x <= 0 are left out (log scale).
     *
     * @param front marks the points of the Pareto front, or null for none
     */
    static String dataUri(String title, String xLabel, String yLabel, List<SweepPoint> points,
                          ToDoubleFunction<SweepPoint> x, ToDoubleFunction<SweepPoint> y, boolean[] front) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        TreeMap<Integer, XYSeries> bySize = new TreeMap<>();
        for (SweepPoint p : points) {
            if (x.applyAsDouble(p) > 0 && Double.isFinite(y.applyAsDouble(p))) {
                bySize.computeIfAbsent(p.vocabularySize(), s -> new XYSeries("vocabulary " + s, false, true))
                        .add(x.applyAsDouble(p), y.applyAsDouble(p));
            }
        }
        bySize.values().forEach(data::addSeries);
        if (front != null) {
            XYSeries pareto = new XYSeries("Pareto front", true, true);
            for (int i = 0; i < points.size(); i++) {
                if (front[i] && x.applyAsDouble(points.get(i)) > 0) {
                    pareto.add(x.applyAsDouble(points.get(i)), y.applyAsDouble(points.get(i)));
                }
            }
            data.addSeries(pareto);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        style(chart, xLabel, data.getSeriesCount(), front != null);
        byte[] png = ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static void style(JFreeChart chart, String xLabel, int seriesCount, boolean lastIsFront) {
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis(xLabel);
        axis.setSmallestValue(1e-3);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setNumberFormatOverride(new DecimalFormat("0.##"));
        plot.setDomainAxis(axis);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        if (lastIsFront) {
            int front = seriesCount - 1;
            renderer.setSeriesLinesVisible(front, true);
            renderer.setSeriesShapesVisible(front, false);
            renderer.setSeriesPaint(front, Color.BLACK);
            renderer.setSeriesStroke(front, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(renderer);
    }
}
