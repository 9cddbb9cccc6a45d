package org.splicecbm.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs reference snippets with Debian's {@code /usr/bin/python3} + NumPy/SciPy; skips the test when they are missing. */
final class PythonReference {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonReference() {}

    /** Skips the calling test unless {@code python3 -c "import scipy"} succeeds. */
    static void assumeScipy() {
        boolean ok = false;
        try {
            ok = Files.isExecutable(PYTHON) && run("import scipy, numpy").exitCode == 0;
        } catch (IOException e) {
            ok = false;
        }
        assumeTrue(ok, "skipped: needs /usr/bin/python3 with scipy (apt-get install -y python3-scipy)");
    }

    /** Runs {@code script}; returns exit code and combined output. */
    static Result run(String script) throws IOException {
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

    /** Runs {@code script} and returns its output, failing when it exits non-zero. */
    static String check(String script) throws IOException {
        Result r = run(script);
        if (r.exitCode != 0) {
            throw new AssertionError("python failed (" + r.exitCode + "):\n" + r.output);
        }
        return r.output.strip();
    }

    record Result(int exitCode, String output) {}
}
