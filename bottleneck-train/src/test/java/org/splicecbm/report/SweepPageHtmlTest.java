package org.splicecbm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep page is self-contained and renders in headless Chromium with its plots and table and no errors. */
class SweepPageHtmlTest {

    static SweepPage page() {
        List<SweepPoint> points = new ArrayList<>();
        for (int size : new int[] {1000, 5000}) {
            for (double spliceL1 : new double[] {0.15, 0.25, 0.35}) {
                double l0 = (size == 1000 ? 8 : 12) / spliceL1;
                for (double probeL1 : new double[] {1e-2, 1e-3, 1e-4}) {
                    double nec = 0.5 / Math.sqrt(probeL1);
                    double acc = 0.9 - 0.05 / Math.log(l0) - 0.02 / Math.log(nec + 1) + (size == 5000 ? 0.01 : 0);
                    points.add(new SweepPoint(spliceL1, size, probeL1, l0, 0.7 + 0.02 * Math.log(l0), nec, acc - 0.003, acc));
                }
            }
        }
        return new SweepPage("cifar10-sweep <test>", points, 4, List.of("cat", "dog"),
                List.of(List.of("whiskers (0.82)", "fur (0.40)"), List.of("barking (0.77)")), new long[][] {{40, 10}, {5, 45}},
                List.of("./splice features --config sweep.yaml", "./splice sweep --config sweep.yaml"), "name: cifar10-sweep\nprobe:\n  l1: 1.0e-4\n");
    }

    @Test
    void selfContainedPageWithEscapedTextAndParetoFront(@TempDir Path dir) throws Exception {
        Path html = SweepPageHtml.write(dir.resolve("sweep.html"), page());
        String text = Files.readString(html);
        assertFalse(text.contains("http://") || text.contains("https://"), "the page must not reference the network");
        assertEquals(3, text.split("src=\"data:image/png;base64,", -1).length - 1, "three embedded plots");
        assertTrue(text.contains("cifar10-sweep &lt;test&gt;"), "titles are escaped");
        assertTrue(text.contains("class=\"front\""), "Pareto points are marked");
        String table = text.substring(text.indexOf("<tbody>"), text.indexOf("</tbody>"));
        assertEquals(18, table.split("<tr", -1).length - 1, "one table row per point");
    }

    @Test
    void rendersInHeadlessChromiumWithPlotsAndTable(@TempDir Path dir) throws Exception {
        Path html = SweepPageHtml.write(dir.resolve("sweep.html"), page());
        String dom = HeadlessChromium.dumpDom(html);
        assertTrue(dom.contains("data-plots-shown=\"3\""), "all three plots decoded and shown");
        assertTrue(dom.contains("id=\"points\"") && dom.contains("id=\"confusion\"") && dom.contains("id=\"top-concepts\""));
        Path png = dir.resolve("sweep.png");
        HeadlessChromium.screenshot(html, png, 1400, 1800);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertTrue(PlotsTest.distinctColours(image) > 50, "the screenshot shows rendered plots, not a blank page");
        Path keep = Path.of("target", "sweep-page-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
