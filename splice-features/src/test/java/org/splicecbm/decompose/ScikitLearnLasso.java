package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.splicecbm.store.Npy;

/**
 * SpLiCE's reference solver run live: scikit-learn {@code Lasso(alpha = l1/(2d), positive=True,
 * fit_intercept=False)} per target, through Debian's {@code /usr/bin/python3}. Its objective is ours
 * divided by 2d, so the minimisers coincide. Without scikit-learn the calling test is skipped, or
 * fails when the environment variable {@code CI} is set (CI must not pass by skipping the reference).
 */
final class ScikitLearnLasso {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import json, sys, numpy as np",
            "from sklearn.linear_model import Lasso",
            "C = np.load(sys.argv[1]).astype(np.float64); Z = np.load(sys.argv[2]).astype(np.float64)",
            "l1 = float(sys.argv[3]); d = C.shape[1]; out = {'weights': [], 'objective': []}",
            "for z in Z:",
            "    m = Lasso(alpha=l1 / (2 * d), positive=True, fit_intercept=False, max_iter=1_000_000, tol=1e-12)",
            "    m.fit(C.T, z); w = m.coef_",
            "    out['weights'].append(w.tolist())",
            "    out['objective'].append(float(np.sum((C.T @ w - z) ** 2) + l1 * np.sum(w)))",
            "print(json.dumps(out))");

    private ScikitLearnLasso() {}

    /** The reference's weights and objectives for every target at one l1. */
    record Solution(double[][] weights, double[] objective) {}

    /** Skips (or, under CI, fails) the calling test unless /usr/bin/python3 imports scikit-learn. */
    static void requireScikitLearn() throws IOException {
        boolean available = Files.isExecutable(PYTHON) && run("import sklearn, numpy").exitValue() == 0;
        String message = "needs /usr/bin/python3 with scikit-learn (apt-get install -y python3-sklearn)";
        if (!available && System.getenv("CI") != null) {
            fail("CI is set but the scikit-learn reference is missing: " + message);
        }
        assumeTrue(available, "skipped: " + message);
    }

    static Solution solve(Path folder, float[][] dictionary, float[][] targets, double l1) throws IOException {
        Path c = folder.resolve("dictionary.npy");
        Path z = folder.resolve("targets.npy");
        Npy.writeFloat32(c, dictionary, dictionary[0].length);
        Npy.writeFloat32(z, targets, targets[0].length);
        Process p = run(SCRIPT, c.toString(), z.toString(), Double.toString(l1));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("scikit-learn reference failed:\n" + output);
        }
        JsonNode json = new ObjectMapper().readTree(output);
        double[][] weights = new double[targets.length][];
        double[] objective = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            JsonNode row = json.get("weights").get(i);
            weights[i] = new double[row.size()];
            for (int j = 0; j < weights[i].length; j++) {
                weights[i][j] = row.get(j).asDouble();
            }
            objective[i] = json.get("objective").get(i).asDouble();
        }
        return new Solution(weights, objective);
    }

    private static Process run(String script, String... args) throws IOException {
        String[] command = new String[3 + args.length];
        command[0] = PYTHON.toString();
        command[1] = "-c";
        command[2] = script;
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p;
    }
}
