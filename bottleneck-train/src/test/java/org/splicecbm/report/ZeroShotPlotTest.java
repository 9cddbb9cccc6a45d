package org.splicecbm.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroShotPlotTest {
    static final List<SparsityAccuracyPlot.Point> POINTS = List.of(new SparsityAccuracyPlot.Point(3.4, 0.71),
            new SparsityAccuracyPlot.Point(11, 0.86), new SparsityAccuracyPlot.Point(27, 0.9));

    @Test
    void writesBothFilesWithTheSeriesAndTheLabelledDenseLine(@TempDir Path dir) throws IOException {
        Path png = ZeroShotPlot.write("CIFAR-10 test", POINTS, 0.93, dir.resolve("test"));
        assertNotNull(ImageIO.read(png.toFile()), "PNG must decode");
        String svg = Files.readString(dir.resolve("test.svg"));
        assertTrue(svg.contains("SpLiCE reconstruction"), "series in the legend");
        assertTrue(svg.contains("dense CLIP 0.930"), "reference line labelled with the dense accuracy");
    }

    @Test
    void anAccuracyOutsideZeroOneIsAnErrorAndWritesNothing(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> ZeroShotPlot.write("t", POINTS, Double.NaN, dir.resolve("x")));
        assertThrows(IllegalArgumentException.class, () -> ZeroShotPlot.write("t",
                List.of(new SparsityAccuracyPlot.Point(3, 1.5)), 0.9, dir.resolve("x")));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }
}
