package org.splicecbm.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final String LONG = "decompose cifar10-with-a-very-long-dataset-name/train";

    @Test
    void aNarrowTerminalShortensTheLabelNotTheBar() {
        for (int width : new int[] {60, 80, 120}) {
            String line = ProgressLine.format(LONG, 640, 6500, Duration.ofSeconds(40), "img", width);
            assertTrue(line.length() <= width, width + ": " + line);
            String bar = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
            assertTrue(bar.length() >= ProgressLine.MIN_BAR, line);
        }
        String narrow = ProgressLine.format(LONG, 640, 6500, Duration.ofSeconds(40), "img", 70);
        assertTrue(narrow.startsWith("decom") && narrow.contains("…") && narrow.contains("/train "), narrow);
        assertTrue(ProgressLine.format("embed", 1, 2, Duration.ofSeconds(1), "img", 120).startsWith("embed  50% ["));
    }

    @Test
    void theRateIsRealFromTheFirstBatch() {
        String line = ProgressLine.format("embed", 32, 6500, Duration.ofMillis(2000), "img", 120);
        assertTrue(line.contains("16.0 img/s"), line);
        assertTrue(line.contains("ETA 6:44"), "(6500 - 32) / 16 s: " + line);
        assertTrue(ProgressLine.format("embed", 8, 6500, Duration.ofMillis(250), "img", 120).contains("32.0 img/s"), "under a second");
        assertFalse(ProgressLine.format("embed", 0, 6500, Duration.ZERO, "img", 120).contains("/s"), "no rate before any work");
        assertTrue(ProgressLine.format("download", 300, -1, Duration.ofSeconds(3), "KiB", 80).endsWith("300 KiB 100.0 KiB/s")
                || ProgressLine.format("download", 300, -1, Duration.ofSeconds(3), "KiB", 80).endsWith("300 KiB 100 KiB/s"));
    }

    @Test
    void withoutATerminalPlainLinesComeAtIntervalsAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        PlainLines lines = new PlainLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10_000, now::get);
        for (int i = 0; i <= 25; i++) {
            now.set(i * 1000L);
            lines.accept("step " + i);
        }
        now.set(25_500);
        lines.accept("step done");
        lines.close();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("step 0\nstep 10\nstep 20\nstep done\n", out.replace("\r\n", "\n"));
        assertFalse(out.contains("\r"), "no carriage-return frames");
    }
}
