package org.splicecbm.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The confusion matrix as a picture (PNG + SVG): rows are true classes, columns predicted classes, each cell
 * shaded by the share of its row (so per-class recall reads on the diagonal) and labelled with its count.
 */
public final class ConfusionMatrixPlot {
    private static final int CELL = 44;
    private static final int MARGIN = 16;
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private ConfusionMatrixPlot() {}

    /** Writes {@code base}.png and .svg; {@code counts[t][p]} = examples of true class t predicted as p. */
    public static Path write(String title, List<String> classes, long[][] counts, Path base) throws IOException {
        int n = classes.size();
        if (counts.length != n) {
            throw new IllegalArgumentException("need one row per class: " + n + " classes, " + counts.length + " rows");
        }
        int label = 12 + 7 * classes.stream().mapToInt(String::length).max().orElse(1);
        int left = MARGIN + label + 20;
        int top = MARGIN + 30 + label;
        int size = n * CELL;
        int width = Math.max(left + size + MARGIN, Math.max(left + 280, 8 * title.length() + 2 * MARGIN));
        return ChartFiles.write(g -> draw(g, title, classes, counts, left, top, width), base, width, top + size + MARGIN + 20);
    }

    private static void draw(Graphics2D g, String title, List<String> classes, long[][] counts, int left, int top, int width) {
        int n = classes.size();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, top + n * CELL + 2 * MARGIN + 20);
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(title, MARGIN, MARGIN + 14);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.drawString("predicted class", left, MARGIN + 34);
        for (int t = 0; t < n; t++) {
            long total = 0;
            for (long v : counts[t]) {
                total += v;
            }
            g.setColor(Color.BLACK);
            g.drawString(classes.get(t), left - 6 - fm.stringWidth(classes.get(t)), top + t * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
            for (int p = 0; p < n; p++) {
                double share = total == 0 ? 0 : counts[t][p] / (double) total;
                int shade = (int) Math.round(255 - 200 * share);
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(left + p * CELL, top + t * CELL, CELL, CELL);
                g.setColor(new Color(0xCCCCCC));
                g.drawRect(left + p * CELL, top + t * CELL, CELL, CELL);
                String text = Long.toString(counts[t][p]);
                g.setColor(share > 0.6 ? Color.WHITE : Color.BLACK);
                g.drawString(text, left + p * CELL + (CELL - fm.stringWidth(text)) / 2, top + t * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
            }
        }
        g.setColor(Color.BLACK);
        for (int p = 0; p < n; p++) {
            AffineTransform saved = g.getTransform();
            g.translate(left + p * CELL + CELL / 2 + fm.getAscent() / 2 - 2, top - 6);
            g.rotate(-Math.PI / 2);
            g.drawString(classes.get(p), 0, 0);
            g.setTransform(saved);
        }
        g.drawString("rows: true class; shade: share of the row", left, top + n * CELL + 16);
    }
}
