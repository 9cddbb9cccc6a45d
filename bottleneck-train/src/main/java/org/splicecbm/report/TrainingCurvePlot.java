package org.splicecbm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splicecbm.probe.EpochMetrics;

/** Training loss, validation loss and validation accuracy per epoch of a probe. */
public final class TrainingCurvePlot {
    private TrainingCurvePlot() {}

    /** Writes {@code base}.png and {@code base}.svg; returns the PNG path. */
    public static Path write(String title, List<EpochMetrics> history, Path base) throws IOException {
        XYSeries trainLoss = new XYSeries("train loss");
        XYSeries valLoss = new XYSeries("validation loss");
        XYSeries valAccuracy = new XYSeries("validation accuracy");
        for (EpochMetrics m : history) {
            trainLoss.add(m.epoch(), m.trainLoss());
            valLoss.add(m.epoch(), m.valLoss());
            valAccuracy.add(m.epoch(), m.valAccuracy());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainLoss);
        data.addSeries(valLoss);
        data.addSeries(valAccuracy);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "loss / accuracy", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        for (int i = 0; i < 3; i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        return ChartFiles.write(chart, base, 800, 480);
    }
}
