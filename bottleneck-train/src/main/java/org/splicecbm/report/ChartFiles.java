package org.splicecbm.report;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
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
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        writeSvg(g -> chart.draw(g, new Rectangle(0, 0, width, height)), base, width, height);
        return png;
    }

    /** Writes a picture drawn with Java2D by {@code drawing} as {@code base}.png and {@code base}.svg; returns the PNG path. */
    public static Path write(Consumer<Graphics2D> drawing, Path base, int width, int height) throws IOException {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawing.accept(g);
        g.dispose();
        AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
        writeSvg(drawing, base, width, height);
        return png;
    }

    private static void writeSvg(Consumer<Graphics2D> drawing, Path base, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        drawing.accept(g);
        AtomicFiles.write(base.resolveSibling(base.getFileName() + ".svg"), out -> out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
    }
}
