package org.splicecbm.analysis.shift;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splicecbm.report.ChartFiles;

/** The two plots of a shift analysis: a volcano plot (change vs evidence) and the ranked changes as bars. */
final class ShiftPlots {
    private static final double ALPHA = 0.05;

    private ShiftPlots() {}

    /** Prevalence change (x) against -log10 p (y); concepts with q <= 0.05 in red, the ten strongest labelled. */
    static Path volcano(ShiftResult result, String title, Path base) throws IOException {
        XYSeries significant = new XYSeries("q <= " + ALPHA, false, true);
        XYSeries other = new XYSeries("not significant", false, true);
        for (ConceptShift c : result.concepts()) {
            (c.qValue() <= ALPHA ? significant : other).add(c.difference(), minusLog10(c.pValue()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(significant);
        data.addSeries(other);
        JFreeChart chart = ChartFactory.createScatterPlot(title, "prevalence change (current - reference)", "-log10 p",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, new Color(0xC0392B));
        renderer.setSeriesPaint(1, new Color(0x999999));
        plot.setRenderer(renderer);
        result.concepts().stream().filter(c -> c.qValue() <= ALPHA).limit(10).forEach(c ->
                plot.addAnnotation(new XYTextAnnotation(c.concept(), c.difference(), minusLog10(c.pValue()))));
        white(chart);
        plot.setBackgroundPaint(Color.WHITE);
        return ChartFiles.write(chart, base, 900, 600);
    }

    /** The {@code top} highest-ranked concepts with their signed prevalence change. */
    static Path rankedBars(ShiftResult result, String title, int top, Path base) throws IOException {
        List<ConceptShift> shown = result.concepts().stream().limit(top)
                .sorted(Comparator.comparingDouble(ConceptShift::difference).reversed()).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        shown.forEach(c -> data.addValue(c.difference(), "prevalence change", c.concept() + (c.qValue() <= ALPHA ? " *" : "")));
        JFreeChart chart = ChartFactory.createBarChart(title, "concept (* q <= " + ALPHA + ")", "prevalence change", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x3B75AF));
        white(chart);
        return ChartFiles.write(chart, base, 800, Math.max(300, 80 + 26 * shown.size()));
    }

    private static double minusLog10(double p) {
        return -Math.log10(Math.max(p, 1e-300));
    }

    private static void white(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
    }
}
