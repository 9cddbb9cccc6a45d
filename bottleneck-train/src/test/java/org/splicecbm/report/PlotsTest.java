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

    /** A narrow L0 range (a sweep over probe l1 only) used to get labels like 10^1.03. */
    @Test
    void logAxisLabelsAreReadableNumbers(@TempDir Path dir) throws IOException {
        SparsityAccuracyPlot.write("narrow", Map.of("laion", List.of(new SparsityAccuracyPlot.Point(10.7, 0.6),
                new SparsityAccuracyPlot.Point(11.2, 0.62), new SparsityAccuracyPlot.Point(11.6, 0.63))), dir.resolve("narrow"));
        String svg = Files.readString(dir.resolve("narrow.svg"));
        assertTrue(!svg.contains("10^") && !svg.contains("\u00b9") && !svg.contains("&#"), "no power labels: " + svg.substring(0, 200));
        java.util.List<String> texts = java.util.regex.Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg).results()
                .map(m -> m.group(1)).toList();
        assertTrue(texts.stream().anyMatch(t -> t.matches("1[01](\\.\\d{1,2})?")), "tick labels like 11 or 11.2: " + texts);
    }

    @Test
    void readableTicksAreRoundNumbersInsideTheRange() {
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0), ReadableLogAxis.values(0.8, 60));
        assertEquals(List.of(10.8, 11.0, 11.2, 11.4, 11.6), ReadableLogAxis.values(10.7, 11.6).stream()
                .map(v -> Math.round(v * 10) / 10.0).toList());
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
