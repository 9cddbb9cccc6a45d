package org.splicecbm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Zero-shot accuracy of SpLiCE reconstructions against their mean L0 (log scale), with dense CLIP's
 * accuracy as a dashed reference line: the paper's zero-shot sparsity study (Bhalla et al., NeurIPS 2024, Fig. 3).
 */
public final class ZeroShotPlot {
    private ZeroShotPlot() {}

    /** Writes {@code base}.png and {@code base}.svg; returns the PNG path. */
    public static Path write(String title, List<SparsityAccuracyPlot.Point> splice, double denseAccuracy, Path base)
            throws IOException {
        requireAccuracy("dense accuracy", denseAccuracy);
        splice.forEach(p -> requireAccuracy("accuracy at mean L0 " + p.meanL0(), p.accuracy()));
        XYSeries series = new XYSeries("SpLiCE reconstruction", true, true);
        for (SparsityAccuracyPlot.Point p : splice) {
            if (p.meanL0() > 0) {
                series.add(p.meanL0(), p.accuracy());
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "mean L0", "zero-shot accuracy",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("mean L0 (concepts per image, log scale)");
        x.setSmallestValue(0.5);
        x.setNumberFormatOverride(new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setDomainAxis(x);
        plot.getRangeAxis().setRange(0, 1.02);
        plot.addRangeMarker(denseMarker(denseAccuracy));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        chart.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(renderer);
        return ChartFiles.write(chart, base, 800, 520);
    }

    private static void requireAccuracy(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], found " + value);
        }
    }

    private static ValueMarker denseMarker(double accuracy) {
        ValueMarker marker = new ValueMarker(accuracy, new Color(0x555555),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(String.format(Locale.ROOT, "dense CLIP %.3f", accuracy));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return marker;
    }
}
