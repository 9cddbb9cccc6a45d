package org.splicecbm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.PlantedConcepts;
import org.splicecbm.probe.ProbeTrainer;
import org.splicecbm.probe.TrainedProbe;

/**
 * The probe report as a browser shows it (Debian's headless Chromium): after the report folder is moved, the page
 * loads without console errors, every picture on it loads, an intervention run names its suppressed concepts first.
 */
@Tag("heavy")
class ProbeReportPageTest {
    @TempDir
    Path dir;

    @Test
    void movedReportLoadsWithAllItsPicturesInChromium() throws Exception {
        PlantedConcepts planted = new PlantedConcepts(30, 4, 0.8, 3);
        ProbeConfig config = ProbeConfig.builder().l1(1e-3).epochs(15).batchSize(64).learningRate(0.05)
                .suppress(List.of("concept 0"), ProbeConfig.SuppressAt.BOTH).build();
        TrainedProbe probe = ProbeTrainer.train(planted.sample(400, 1, null), planted.sample(100, 2, null), config, null);
        Evaluation test = Evaluation.of(probe, planted.sample(200, 3, null));
        ProbeReport.write(dir.resolve("run/report"), "planted", probe, test, Map.of());
        Path moved = Files.move(dir.resolve("run"), dir.resolve("elsewhere")).resolve("report/report.html");

        HeadlessChromium.Page page = HeadlessChromium.load(moved);
        assertEquals(List.of(), page.console(), "console messages of " + moved);
        assertTrue(page.dom().indexOf("Intervention run:") < page.dom().indexOf("Test metrics"), "intervention named first");
        assertTrue(page.dom().contains("concepts suppressed at both: concept 0"), page.dom());

        Path harness = Files.writeString(dir.resolve("images.html"), harness("elsewhere/report/report.html"));
        String images = between(HeadlessChromium.dumpDom(harness), "<pre id=\"out\">", "</pre>");
        List<String> lines = images.lines().toList();
        assertTrue(lines.size() >= 6, "training curve, confusion matrix and four class plots: " + images);
        assertTrue(lines.contains("confusion_test.png loaded"), images);
        lines.forEach(l -> assertTrue(l.endsWith(" loaded"), "every picture loads: " + images));

        Path png = dir.resolve("report.png");
        HeadlessChromium.screenshot(moved, png, 1280, 2400);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1280, shot.getWidth());
        assertTrue(colouredPixels(shot) > 10_000, "the pictures are drawn, not blank");
        Path keep = Path.of(System.getProperty("java.io.tmpdir"), "splice-probe-report-screenshot.png");
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A page that frames {@code report} (same folder tree, file access allowed) and lists each image as loaded or broken. */
    private static String harness(String report) {
        return "<!DOCTYPE html><html><body><iframe id=\"f\" src=\"" + report + "\"></iframe><pre id=\"out\"></pre><script>"
                + "document.getElementById('f').addEventListener('load', function () {"
                + " var imgs = this.contentDocument.images, lines = [];"
                + " for (var i = 0; i < imgs.length; i++) lines.push(imgs[i].getAttribute('src') + ' '"
                + "   + (imgs[i].complete && imgs[i].naturalWidth > 0 ? 'loaded' : 'broken'));"
                + " document.getElementById('out').textContent = lines.join('\\n'); });</script></body></html>";
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    private static long colouredPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                n += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40 ? 1 : 0;
            }
        }
        return n;
    }
}
