package org.splicecbm.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Matrix;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.store.Npy;

/**
 * Writes an MLlib probe in the project's probe format (bottleneck-train's {@code probe.ProbeFiles}, format 1), so
 * that {@code evaluate}, reports and concept interventions load it like a probe trained on one machine:
 * {@code weights.npy} (concepts x classes, float32), {@code bias.npy}, {@code concepts.txt}, {@code classes.txt}
 * (class indices: manifests label by index) and {@code probe.json} (the feature fingerprint, the probe config with
 * {@code l1 = regParam}, and how MLlib trained it). Written as one atomic directory.
 */
public final class ProbeExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeExport() {}

    public static void write(MllibProbe probe, MllibProbe.Trained trained, Path dir) throws IOException {
        Matrix coefficients = trained.model().coefficientMatrix(); // classes x concepts
        int classes = coefficients.numRows();
        int concepts = coefficients.numCols();
        float[][] weights = new float[concepts][classes];
        for (int j = 0; j < concepts; j++) {
            for (int c = 0; c < classes; c++) {
                weights[j][c] = (float) coefficients.apply(c, j);
            }
        }
        double[] intercepts = trained.model().interceptVector().toArray();
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = (float) intercepts[c];
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add(Integer.toString(c));
        }
        String json = JSON.writeValueAsString(probeJson(probe, trained));
        AtomicDirectory.write(dir, tmp -> {
            AtomicFiles.write(tmp.resolve("weights.npy"), out -> Npy.writeFloat32(out, weights, classes));
            AtomicFiles.write(tmp.resolve("bias.npy"), out -> Npy.writeFloat32Vector(out, bias));
            AtomicFiles.writeString(tmp.resolve("concepts.txt"), String.join("\n", trained.features().concepts()) + "\n");
            AtomicFiles.writeString(tmp.resolve("classes.txt"), String.join("\n", classNames) + "\n");
            AtomicFiles.writeString(tmp.resolve("probe.json"), json);
        });
    }

    private static ObjectNode probeJson(MllibProbe probe, MllibProbe.Trained trained) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", 1);
        TableInfo f = trained.features();
        root.putObject("feature_set").put("backbone", f.provenance().backbone()).put("vocabulary", f.provenance().vocabulary())
                .put("vocabulary_size", f.provenance().vocabularySize()).put("l1_penalty", f.settings().l1())
                .put("dictionary_sha256", f.provenance().dictionarySha256());
        root.putObject("config").put("l1", probe.l1()).put("l2", 0.0).put("bias", true).put("class_weights", "none");
        root.putArray("suppressed_columns");
        ObjectNode training = root.putObject("training");
        training.put("bestEpoch", trained.iterations());
        training.putArray("history");
        root.putObject("spark_mllib").put("family", "multinomial").put("elastic_net_param", 1.0).put("reg_param", probe.l1())
                .put("standardization", false).put("max_iter", probe.maxIter()).put("tol", probe.tol())
                .put("iterations", trained.iterations()).put("examples", trained.examples())
                .put("sklearn_C", probe.l1() > 0 ? 1.0 / (probe.l1() * trained.examples()) : Double.POSITIVE_INFINITY);
        return root;
    }
}
