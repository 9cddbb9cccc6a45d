package org.splicecbm.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.splicecbm.store.CsrNpz;
import org.splicecbm.store.Npy;

/** Runs {@code probe/sklearn_saga.py} (scikit-learn's L1 SAGA logistic regression) on two splits. */
public final class ScikitLearnReference {
    private ScikitLearnReference() {}

    /** Skips the calling test when scikit-learn is missing; under CI (the {@code CI} variable set) fails it instead. */
    public static void require() {
        org.splicecbm.testing.PythonReference.require("sklearn");
    }

    /**
     * Runs {@code probe/sklearn_exact.py}: scikit-learn's saga fitted at each per-example penalty of {@code spec}
     * (see the script for its keys); returns the script's JSON.
     */
    public static JsonNode exact(Path workDir, TrainingData train, TrainingData test, java.util.Map<String, Object> spec)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("sklearn_exact.py");
        try (InputStream in = ScikitLearnReference.class.getResourceAsStream("/probe/sklearn_exact.py")) {
            Files.write(script, in.readAllBytes());
        }
        writeSplit(workDir, "train", train);
        writeSplit(workDir, "test", test);
        Path specFile = workDir.resolve("spec.json");
        new ObjectMapper().writeValue(specFile.toFile(), spec);
        return runScript(List.of(org.splicecbm.testing.PythonReference.PYTHON.toString(), script.toString(), workDir.toString(), specFile.toString()));
    }

    private static JsonNode runScript(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("scikit-learn reference failed (" + String.join(" ", command) + "): " + out);
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** {@code <name>.npz} in SciPy's {@code save_npz} CSR layout (the store's writer) and {@code <name>_labels.npy}. */
    private static void writeSplit(Path dir, String name, TrainingData data) throws IOException {
        CsrNpz.write(dir.resolve(name + ".npz"), data.features());
        Npy.writeInt64(dir.resolve(name + "_labels.npy"), java.util.Arrays.stream(data.labels()).asLongStream().toArray());
    }

    /** The script's JSON result for training on {@code train} and scoring {@code test} at per-example-mean penalty {@code l1}. */
    public static JsonNode run(Path workDir, TrainingData train, TrainingData test, double l1, int maxIter, double tol)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("sklearn_saga.py");
        try (InputStream in = ScikitLearnReference.class.getResourceAsStream("/probe/sklearn_saga.py")) {
            Files.write(script, in.readAllBytes());
        }
        writeSplit(workDir, "train", train);
        writeSplit(workDir, "test", test);
        List<String> command = List.of(org.splicecbm.testing.PythonReference.PYTHON.toString(), script.toString(), workDir.toString(), Double.toString(l1),
                Integer.toString(maxIter), Double.toString(tol));
        return runScript(command);
    }
}
