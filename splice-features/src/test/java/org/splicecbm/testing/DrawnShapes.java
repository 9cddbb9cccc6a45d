package org.splicecbm.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A tiny, deterministic three-class image world for tests: circles, squares and stripes in three
 * colours on dark noise, of slightly varying sizes. The same seed always draws the same images.
 */
public final class DrawnShapes {
    public static final List<String> CLASSES = List.of("circles", "squares", "stripes");
    private static final Color[] COLOURS = {new Color(200, 40, 40), new Color(40, 160, 60), new Color(40, 60, 200)};

    private DrawnShapes() {}

    /** One image of class {@code cls} (0..2), drawn with the next values of {@code random}. */
    public static BufferedImage draw(int cls, SplittableRandom random) {
        BufferedImage image = new BufferedImage(48 + random.nextInt(16), 40 + random.nextInt(16), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(60), random.nextInt(60), random.nextInt(60)));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(COLOURS[cls]);
        int s = 14 + random.nextInt(14);
        switch (cls) {
            case 0 -> g.fillOval(random.nextInt(20), random.nextInt(12), s, s);
            case 1 -> g.fillRect(random.nextInt(20), random.nextInt(12), s, s);
            default -> {
                for (int y = 0; y < image.getHeight(); y += 6) {
                    g.fillRect(0, y, image.getWidth(), 3);
                }
            }
        }
        g.dispose();
        return image;
    }
}
