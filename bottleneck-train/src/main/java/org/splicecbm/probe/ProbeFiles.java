package org.splicecbm.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.store.Npy;

/**
 * A saved probe is a directory: {@code weights.npy} (concepts x classes, float32; the DL4J layer's
 * {@code W}), {@code bias.npy} (classes), {@code concepts.txt}, {@code classes.txt} and
 * {@code probe.json} (format version, the feature-set fingerprint, the resolved config, suppressed
 * columns and the training history). Plain {@code .npy} + JSON rather than DL4J's
 * {@code ModelSerializer} zip: any tool (NumPy, scikit-learn, a reviewer) can read the weights
 * without DL4J, the files are only the parameters (no updater state), and the concept list sits next
 * to them; {@link ProbeNetwork#of} rebuilds the DL4J network when one is wanted. The directory is
 * written in a temporary sibling and renamed into place, so readers never see half a probe.
 */
final class ProbeFiles {
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeFiles() {}

    static void save(TrainedProbe probe, Path directory) {
        try {
            AtomicDirectory.write(directory, staging -> writeContents(probe, staging));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the probe to " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void writeContents(TrainedProbe probe, Path dir) throws IOException {
        LinearWeights w = probe.weights();
        float[][] rows = new float[w.concepts()][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = java.util.Arrays.copyOfRange(w.weights, j * w.classes(), (j + 1) * w.classes());
        }
        AtomicFiles.write(dir.resolve("weights.npy"), out -> Npy.writeFloat32(out, rows, w.classes()));
        AtomicFiles.write(dir.resolve("bias.npy"), out -> Npy.writeFloat32Vector(out, w.bias));
        AtomicFiles.writeString(dir.resolve("concepts.txt"), String.join("\n", probe.space().concepts()) + "\n");
        AtomicFiles.writeString(dir.resolve("classes.txt"), String.join("\n", probe.space().classNames()) + "\n");
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        if (probe.space().fingerprint() != null) {
            probe.space().fingerprint().writeTo(root.putObject("feature_set"));
        }
        root.set("config", JSON.valueToTree(probe.config()));
        root.set("suppressed_columns", JSON.valueToTree(probe.suppressedColumns()));
        root.set("training", JSON.valueToTree(probe.summary()));
        AtomicFiles.writeString(dir.resolve("probe.json"), JSON.writeValueAsString(root));
    }

    static TrainedProbe load(Path directory) {
        try {
            JsonNode root = JSON.readTree(Files.readString(directory.resolve("probe.json")));
            int version = root.path("format_version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(directory.resolve("probe.json") + ": format_version must be "
                        + FORMAT_VERSION + ", found " + root.get("format_version"));
            }
            FeatureFingerprint fingerprint = root.has("feature_set")
                    ? FeatureFingerprint.fromJson(root.get("feature_set"), directory.resolve("probe.json").toString()) : null;
            FeatureSpace space = new FeatureSpace(lines(directory.resolve("concepts.txt")),
                    lines(directory.resolve("classes.txt")), fingerprint);
            int concepts = space.numConcepts();
            int classes = space.numClasses();
            LinearWeights weights = new LinearWeights(concepts, classes, readWeights(directory.resolve("weights.npy"), concepts, classes),
                    Npy.read(directory.resolve("bias.npy")).toFloatVector());
            ProbeConfig config = JSON.treeToValue(root.get("config"), ProbeConfig.class);
            int[] suppressed = JSON.treeToValue(root.get("suppressed_columns"), int[].class);
            TrainingSummary summary = JSON.treeToValue(root.get("training"), TrainingSummary.class);
            return new TrainedProbe(space, weights, config, suppressed, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the probe from " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The concepts x classes matrix, flattened concept-major; the shape must match the concept and class lists. */
    private static float[] readWeights(Path file, int concepts, int classes) throws IOException {
        float[][] rows = Npy.readFloatMatrix(file);
        if (rows.length != concepts || (concepts > 0 && rows[0].length != classes)) {
            throw new IllegalArgumentException(file + " holds a " + rows.length + " x " + (rows.length == 0 ? 0 : rows[0].length)
                    + " matrix but concepts.txt and classes.txt list " + concepts + " concepts and " + classes + " classes");
        }
        float[] flat = new float[concepts * classes];
        for (int j = 0; j < concepts; j++) {
            System.arraycopy(rows[j], 0, flat, j * classes, classes);
        }
        return flat;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
