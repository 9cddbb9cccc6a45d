package org.splicecbm.analysis;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a reference computation in {@code /usr/bin/python3} with NumPy/SciPy. Without SciPy the parity tests
 * skip on a developer machine but fail when the environment variable {@code CI} is set, so CI cannot pass
 * them silently.
 */
public final class SciPy {
    private SciPy() {}

    /** Skips (or, under CI, fails) the calling test when SciPy is not importable. */
    public static void require() {
        if (available()) {
            return;
        }
        String why = "/usr/bin/python3 with numpy and scipy is needed for the SciPy parity tests";
        if (System.getenv("CI") != null) {
            fail(why + " and CI is set, so this is a failure, not a skip");
        }
        Assumptions.abort(why);
    }

    /** Runs {@code script} with {@code input} on stdin; returns stdout (fails the test on a Python error). */
    public static String run(String script, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("python reference failed: " + err);
        }
        return out;
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import numpy, scipy.stats").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
