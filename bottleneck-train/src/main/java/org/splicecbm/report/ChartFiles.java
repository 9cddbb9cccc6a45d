package org.splicecbm.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.splicecbm.store.AtomicFiles;

/** Writes a chart as a PNG and an SVG file (both atomically), the two formats every splice-cbm plot comes in. */
public final class ChartFiles {
    private ChartFiles() {}

    /** Writes {@code base}.png and {@code base}.svg at {@code width x height} pixels; returns the PNG path. */
    public static Path write(JFreeChart chart, Path base, int width, int height) throws IOException {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        AtomicFiles.write(svg, out -> out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
        return png;
    }
}
