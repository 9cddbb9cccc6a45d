package org.splicecbm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium ({@code /usr/bin/chromium}) on a local HTML file, isolated (fresh profile, no
 * background networking, no sync), to render a screenshot or dump the DOM after the page's scripts ran.
 */
public final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Renders {@code html} at {@code width x height} pixels into {@code png}. */
    public static void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(html, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
    }

    /** The serialised DOM of {@code html} after load; throws when the page logged a JavaScript error. */
    public static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, List.of("--dump-dom"));
    }

    private static String run(Path html, List<String> mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        command.addAll(mode);
        command.add(html.toAbsolutePath().toUri().toString());
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 120 s: " + command);
        }
        String log = Files.readString(err);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + ": " + log);
        }
        for (String line : log.split("\n")) {
            if (line.contains("CONSOLE") && (line.contains("Uncaught") || line.contains("Error"))) {
                throw new IllegalStateException("the page logged a JavaScript error: " + line);
            }
        }
        return out;
    }
}
