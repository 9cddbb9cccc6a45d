package org.splicecbm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.splicecbm.testing.PythonReference;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) for checking HTML pages as a browser shows them: a
 * screenshot, the DOM after the page's scripts ran, and what the page logged to its console. Each call uses a
 * fresh profile and no network services. Without Chromium a test is skipped, or fails when {@code CI} is set
 * (like the Python references).
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** A loaded page: its DOM after load and the console lines it logged. */
    public record Page(String dom, List<String> console) {}

    /** Writes a {@code width x height} screenshot of {@code html} to {@code png}. */
    public static void screenshot(Path html, Path png, int width, int height) throws IOException {
        Files.deleteIfExists(png);
        run(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("chromium wrote no screenshot of " + html + " to " + png);
        }
    }

    /** The DOM of {@code html} after it loaded and its scripts ran. */
    public static String dumpDom(Path html) throws IOException {
        return load(html).dom();
    }

    /** The DOM and the console lines ({@code console.*} calls and script errors) of {@code html}. */
    public static Page load(Path html) throws IOException {
        return run(html, "--dump-dom");
    }

    private static Page run(Path html, String... args) throws IOException {
        requireChromium();
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
                    "--virtual-time-budget=5000"));
            command.addAll(List.of(args));
            command.add(html.toAbsolutePath().toUri().toString());
            Path out = profile.resolve("stdout.txt");
            Path err = profile.resolve("stderr.txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 120 s: " + String.join(" ", command));
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium failed (" + p.exitValue() + "): " + stderr);
            }
            List<String> console = stderr.lines().filter(l -> l.contains(":CONSOLE(") || l.contains(":CONSOLE:")).toList();
            return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            deleteTree(profile);
        }
    }

    private static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            PythonReference.requireTool(CHROMIUM + " is not installed (Debian package chromium: apt-get install -y chromium)");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
