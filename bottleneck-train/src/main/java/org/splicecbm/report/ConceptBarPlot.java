package org.splicecbm.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The bar plot of SpLiCE's {@code concept_distribution.py}: the top concepts of a dataset's or class's
 * mean decomposition, largest first, with their mean weights (Bhalla et al., NeurIPS 2024, Fig. 3).
 */
public final class ConceptBarPlot {
    private ConceptBarPlot() {}

    /**
     * Plots {@code concepts[i]} with {@code weights[i]} (already sorted, largest first).
     *
     * @param base output path without extension; {@code .png} and {@code .svg} are written
     * @return the PNG path
     */
    public static Path write(String title, List<String> concepts, double[] weights, Path base) throws IOException {
        return write(title, "mean SpLiCE weight", concepts, weights, base);
    }

    /** The same bar plot with {@code valueLabel} on the value axis (e.g. probe weights rather than SpLiCE weights). */
    public static Path write(String title, String valueLabel, List<String> concepts, double[] weights, Path base) throws IOException {
        if (concepts.size() != weights.length || concepts.isEmpty()) {
            throw new IllegalArgumentException("need one weight per concept and at least one concept, found "
                    + concepts.size() + " concepts and " + weights.length + " weights");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < weights.length; i++) {
            data.addValue(weights[i], valueLabel, concepts.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "concept", valueLabel, data,
                PlotOrientation.HORIZONTAL, false, false, false);
        style(chart);
        int height = Math.max(300, 60 + 28 * concepts.size());
        return ChartFiles.write(chart, base, 800, height);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x3B75AF));
    }
}
