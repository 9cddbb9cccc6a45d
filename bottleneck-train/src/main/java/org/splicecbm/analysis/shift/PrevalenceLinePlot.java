package org.splicecbm.analysis.shift;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.splicecbm.analysis.stats.Interval;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.report.ChartFiles;

/** One line per concept: prevalence at each value of the column, with 95% Wilson intervals as error bars. */
final class PrevalenceLinePlot {
    private PrevalenceLinePlot() {}

    static Path write(PrevalenceByValue data, String title, Path base) throws IOException {
        YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
        for (Map.Entry<String, List<Proportion>> e : data.byConcept().entrySet()) {
            YIntervalSeries series = new YIntervalSeries(e.getKey());
            for (int s = 0; s < data.values().size(); s++) {
                Proportion p = e.getValue().get(s);
                Interval ci = p.wilson95();
                series.add(s, p.estimate(), ci.low(), ci.high());
            }
            lines.addSeries(series);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis y = new NumberAxis("prevalence (share of images, 95% Wilson interval)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(lines, new SymbolAxis(data.column(), data.values().toArray(String[]::new)), y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return ChartFiles.write(chart, base, Math.max(800, 40 * data.values().size()), 520);
    }
}
