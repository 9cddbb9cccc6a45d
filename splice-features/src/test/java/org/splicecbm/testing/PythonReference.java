package org.splicecbm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference implementations tests compare against: Debian's {@code /usr/bin/python3} with NumPy, SciPy and
 * scikit-learn. This is the one place that decides what happens when they are missing: a developer's test is
 * skipped with the install command; in CI (environment variable {@code CI} set) the test fails, so a parity
 * check can never pass by being silently skipped.
 */
public final class PythonReference {
    /** The interpreter the references run with (Debian's, where {@code python3-scipy} installs). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonReference() {}

    /**
     * Returns when {@code python3} can import every module; otherwise skips the calling test, or fails it
     * when {@code CI} is set.
     */
    public static void require(String... modules) {
        String missing = missing(modules);
        if (missing == null) {
            return;
        }
        requireTool(missing + "; install Debian's python3-numpy python3-scipy python3-sklearn"
                + " (apt-get install -y python3-scipy python3-sklearn)");
    }

    /**
     * The decision for any missing reference tool ({@code whatIsMissing} says what and how to install it): skips the
     * calling test, or fails it when {@code CI} is set.
     */
    public static void requireTool(String whatIsMissing) {
        if (inCi(System.getenv("CI"))) {
            Assertions.fail("CI is set, so the reference check must run: " + whatIsMissing);
        }
        Assumptions.abort("skipped: " + whatIsMissing);
    }

    /** Whether the {@code CI} environment variable marks a CI run (set and not {@code false}/{@code 0}). */
    static boolean inCi(String ci) {
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** What is missing ({@code null}: nothing). */
    static String missing(String... modules) {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is not installed";
        }
        try {
            Result r = run("import " + String.join(", ", modules));
            return r.exitCode() == 0 ? null : PYTHON + " cannot import " + Arrays.toString(modules) + ": " + r.output().strip();
        } catch (IOException e) {
            return PYTHON + " did not run: " + e.getMessage();
        }
    }

    /** Runs {@code script} with {@code python3 -c}; returns exit code and combined output. */
    public static Result run(String script) throws IOException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs {@code script} and returns its output, failing the test when it exits non-zero. */
    public static String check(String script) throws IOException {
        Result r = run(script);
        if (r.exitCode() != 0) {
            throw new AssertionError("python failed (" + r.exitCode() + "):\n" + r.output());
        }
        return r.output().strip();
    }

    /** A finished script: its exit code and combined stdout/stderr. */
    public record Result(int exitCode, String output) {}
}
