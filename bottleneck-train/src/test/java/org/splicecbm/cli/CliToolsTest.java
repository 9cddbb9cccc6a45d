package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.Npy;

/**
 * The stand-alone tools as a user runs them (child JVM): {@code embed --images} against Hugging Face
 * transformers' golden image embeddings, {@code solve} against the optimality conditions of the
 * nonnegative lasso, and {@code decompose-image}'s report.
 */
@Tag("heavy")
class CliToolsTest {
    @TempDir
    static Path dir;
    static CliProcess splice;
    static Path model;
    static JsonNode golden;
    static List<Path> images = new ArrayList<>();

    @BeforeAll
    static void world() throws IOException {
        splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString(), "SPLICE_CACHE", dir.resolve("cache").toString()));
        model = TinyWorld.model(dir.resolve("model"));
        try (InputStream in = resource("golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        for (JsonNode name : golden.get("images")) {
            Path file = dir.resolve(Path.of(name.asText()).getFileName().toString());
            try (InputStream in = resource(name.asText())) {
                Files.copy(in, file);
            }
            images.add(file);
        }
    }

    private static InputStream resource(String name) {
        return CliToolsTest.class.getResourceAsStream("/fixtures/clip/tiny-clip-quickgelu/" + name);
    }

    @Test
    void embedImagesMatchesTransformersEndToEnd() throws Exception {
        List<String> args = new ArrayList<>(List.of("embed", "--backbone", model.toString(), "--batch-size", "3", "--out", "img.npy", "--images"));
        images.forEach(p -> args.add(p.toString()));
        CliProcess.Result r = splice.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.all());
        float[][] rows = Npy.readFloatMatrix(dir.resolve("img.npy"));
        JsonNode expected = golden.get("image_embeds");
        assertEquals(expected.size(), rows.length);
        double maxDiff = 0;
        double maxAbs = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(rows[i][j] - expected.get(i).get(j).asDouble()));
                maxAbs = Math.max(maxAbs, Math.abs(expected.get(i).get(j).asDouble()));
            }
        }
        assertTrue(maxDiff / maxAbs < 2e-3, "PNG -> embedding within 2e-3 of transformers, relative error " + maxDiff / maxAbs);
    }

    @Test
    void solveWritesOptimalNonnegativeWeights() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        float[][] c = unitRows(random, 40, 16);
        float[][] z = unitRows(random, 5, 16);
        Npy.writeFloat32(dir.resolve("C.npy"), c, 16);
        Npy.writeFloat32(dir.resolve("Z.npy"), z, 16);
        double l1 = 0.2;
        CliProcess.Result r = splice.run("solve", "--dictionary", "C.npy", "--targets", "Z.npy", "--l1", "0.2", "--out", "W.npy");
        assertEquals(0, r.exitCode(), r.all());
        float[][] w = Npy.readFloatMatrix(dir.resolve("W.npy"));
        assertEquals(5, w.length);
        assertEquals(40, w[0].length);
        for (int i = 0; i < w.length; i++) {
            double[] residual = new double[16];
            for (int k = 0; k < 16; k++) {
                residual[k] = -z[i][k];
            }
            for (int j = 0; j < 40; j++) {
                assertTrue(w[i][j] >= 0, "weights are nonnegative");
                for (int k = 0; k < 16; k++) {
                    residual[k] += w[i][j] * c[j][k];
                }
            }
            for (int j = 0; j < 40; j++) {
                double gradient = l1;
                for (int k = 0; k < 16; k++) {
                    gradient += 2 * c[j][k] * residual[k];
                }
                // KKT of min_{w>=0} ||C^T w - z||^2 + l1 |w|_1: gradient >= 0, and = 0 where w > 0.
                assertTrue(gradient > -1e-4, "row " + i + " concept " + j + " gradient " + gradient);
                if (w[i][j] > 0) {
                    assertEquals(0, gradient, 1e-4, "row " + i + " concept " + j);
                }
            }
        }
    }

    @Test
    void solveAlongAnL1PathWritesOneFilePerValue() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        Npy.writeFloat32(dir.resolve("Cp.npy"), unitRows(random, 40, 16), 16);
        Npy.writeFloat32(dir.resolve("Zp.npy"), unitRows(random, 6, 16), 16);
        CliProcess.Result path = splice.run("solve", "--dictionary", "Cp.npy", "--targets", "Zp.npy", "--l1", "0.05,0.1,0.2",
                "--out", "Wp.npz");
        assertEquals(0, path.exitCode(), path.all());
        CliProcess.Result single = splice.run("solve", "--dictionary", "Cp.npy", "--targets", "Zp.npy", "--l1", "0.1",
                "--out", "Ws.npz");
        assertEquals(0, single.exitCode(), single.all());
        for (String value : List.of("0.05", "0.1", "0.2")) {
            assertTrue(Files.exists(dir.resolve("Wp-l1_" + value + ".npz")), path.all());
        }
        assertFalse(Files.exists(dir.resolve("Wp.npz")), "a path writes one file per value, not --out itself");
        var fromPath = org.splicecbm.store.CsrNpz.read(dir.resolve("Wp-l1_0.1.npz"));
        var alone = org.splicecbm.store.CsrNpz.read(dir.resolve("Ws.npz"));
        for (int i = 0; i < 6; i++) {
            float[] a = fromPath.denseRow(i);
            float[] b = alone.denseRow(i);
            for (int j = 0; j < a.length; j++) {
                assertEquals(b[j], a[j], 1e-6, "path vs single solve, row " + i + " concept " + j);
            }
        }
    }

    @Test
    void solveRefusesMismatchedWidths() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        Npy.writeFloat32(dir.resolve("C8.npy"), unitRows(random, 10, 8), 8);
        Npy.writeFloat32(dir.resolve("Z9.npy"), unitRows(random, 2, 9), 9);
        CliProcess.Result r = splice.run("solve", "--dictionary", "C8.npy", "--targets", "Z9.npy", "--l1", "0.2", "--out", "bad.npy");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("has 9 columns") && r.stderr().contains("width 8"), r.stderr());
        assertFalse(Files.exists(dir.resolve("bad.npy")), "no partial output");
    }

    @Test
    void anOutputThatIsAFolderOrReadOnlyIsNamedWithItsFlagBeforeAnyWork() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("W-folder.npy"));
        CliProcess.Result r = splice.run("solve", "--dictionary", "C.npy", "--targets", "Z.npy", "--l1", "0.2", "--out", folder.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("--out: must be a file path (the output is written there), found " + folder + ", which is a folder"),
                r.stderr());
        Path locked = Files.createDirectories(dir.resolve("read-only"));
        assumeTrue(locked.toFile().setWritable(false) && !Files.isWritable(locked), "permissions are not enforced for this user");
        try {
            CliProcess.Result ro = splice.run("solve", "--dictionary", "C.npy", "--targets", "Z.npy", "--l1", "0.2",
                    "--out", locked.resolve("W.npy").toString());
            assertEquals(1, ro.exitCode(), ro.all());
            assertTrue(ro.stderr().contains("--out: must be writable, found " + locked.resolve("W.npy") + ": cannot write into " + locked),
                    ro.stderr());
            assertFalse(ro.stderr().contains(".tmp"), "no hidden temporary file is named: " + ro.stderr());
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void decomposeImagePrintsConceptsL0AndCosine() throws Exception {
        Path words = TinyWorld.vocabulary(dir.resolve("words.txt"));
        Path mean = dir.resolve("mean.npy");
        float[] vector = new float[24];
        vector[0] = 1;
        try (var out = Files.newOutputStream(mean)) {
            Npy.writeFloat32Vector(out, vector);
        }
        CliProcess.Result r = splice.run("decompose-image", images.get(1).toString(), "--backbone", model.toString(),
                "--vocab", words.toString(), "--vocab-size", "30", "--l1", "0.1", "--image-mean", mean.toString(), "--top", "5");
        assertEquals(0, r.exitCode(), r.all());
        String[] lines = r.stdout().strip().split("\n");
        assertTrue(lines[lines.length - 2].matches("Decomposition L0 Norm: \\d+"), r.stdout());
        assertTrue(lines[lines.length - 1].matches("CLIP, SpLiCE Cosine Sim: 0\\.\\d{4}"), r.stdout());
        assertTrue(lines[0].matches("\\S.* 0\\.\\d{4}"), "concept and weight: " + lines[0]);
    }

    @Test
    void decomposeImageErrorsNameItsFlagsNotTheLibrarysParameters() throws Exception {
        Path words = TinyWorld.vocabulary(dir.resolve("words.txt"));
        Path shortMean = dir.resolve("short-mean.npy");
        try (var out = Files.newOutputStream(shortMean)) {
            Npy.writeFloat32Vector(out, new float[7]);
        }
        String image = images.get(1).toString();
        CliProcess.Result size = splice.run("decompose-image", image, "--backbone", model.toString(), "--vocab", words.toString(),
                "--vocab-size", "5000", "--image-mean", shortMean.toString());
        assertEquals(1, size.exitCode(), size.all());
        assertTrue(size.stderr().contains("--vocab-size must be in 1..") && !size.stderr().contains("vocabularySize"), size.stderr());
        CliProcess.Result mean = splice.run("decompose-image", image, "--backbone", model.toString(), "--vocab", words.toString(),
                "--vocab-size", "30", "--image-mean", shortMean.toString());
        assertEquals(1, mean.exitCode(), mean.all());
        assertTrue(mean.stderr().contains("--image-mean: the image mean (") && !mean.stderr().contains("Splice.imageMean"), mean.stderr());
        CliProcess.Result published = splice.run("decompose-image", image, "--backbone", model.toString(), "--vocab", words.toString(),
                "--vocab-size", "30");
        assertEquals(1, published.exitCode(), published.all());
        assertTrue(published.stderr().contains("--image-mean published: ") && published.stderr().contains("pass --image-mean FILE.npy")
                && !published.stderr().contains("SpliceOptions"), published.stderr());
        CliProcess.Result missing = splice.run("decompose-image", image, "--backbone", model.toString(), "--vocab", words.toString(),
                "--vocab-size", "30", "--image-mean", "no-such-mean.npy");
        assertEquals(1, missing.exitCode(), missing.all());
        assertTrue(missing.stderr().contains("--image-mean: not found: " + dir.resolve("no-such-mean.npy")), missing.stderr());
    }

    private static float[][] unitRows(SplittableRandom random, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            double norm = 0;
            for (int k = 0; k < cols; k++) {
                row[k] = (float) random.nextGaussian();
                norm += row[k] * row[k];
            }
            for (int k = 0; k < cols; k++) {
                row[k] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }
}
