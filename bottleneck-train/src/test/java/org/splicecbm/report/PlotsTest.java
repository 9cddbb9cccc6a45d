package org.splicecbm.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @Test
    void conceptBarPlotWritesARealPngAndAnSvgNamingTheConcepts(@TempDir Path dir) throws IOException {
        Path png = ConceptBarPlot.write("CIFAR-10 test, class deer", List.of("deer", "elk", "fawn"),
                new double[] {0.12, 0.05, 0.02}, dir.resolve("deer"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "PNG must decode");
        assertEquals(800, image.getWidth());
        assertTrue(distinctColours(image) > 3, "the plot must draw something, not a blank canvas");
        String svg = Files.readString(dir.resolve("deer.svg"));
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        for (String concept : List.of("deer", "elk", "fawn")) {
            assertTrue(svg.contains(concept), "SVG names " + concept);
        }
    }

    @Test
    void conceptBarPlotRejectsMismatchedInput(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> ConceptBarPlot.write("t", List.of("a", "b"), new double[] {1}, dir.resolve("x")));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void sparsityAccuracyPlotWritesBothFiles(@TempDir Path dir) throws IOException {
        Path png = SparsityAccuracyPlot.write("CIFAR-100 probes", Map.of(
                "laion 10k", List.of(new SparsityAccuracyPlot.Point(3, 0.61), new SparsityAccuracyPlot.Point(12, 0.72)),
                "mscoco", List.of(new SparsityAccuracyPlot.Point(4, 0.55), new SparsityAccuracyPlot.Point(20, 0.7))),
                dir.resolve("probe-vs-l0"));
        assertNotNull(ImageIO.read(png.toFile()));
        assertTrue(Files.readString(dir.resolve("probe-vs-l0.svg")).contains("laion 10k"));
    }

    static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
