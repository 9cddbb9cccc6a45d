package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

/**
 * The product as a user drives it: {@code splice} in its own JVM, the backbone downloaded from a hub
 * (a loopback server in the hub's URL layout serving the tiny CLIP fixture), an ImageFolder dataset,
 * then features, decompose-data and a tracked training run.
 */
@Tag("heavy")
class CliEndToEndTest {
    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static CliProcess splice;
    static Path config;

    @BeforeAll
    static void world() throws IOException {
        hub = TinyWorld.hub(dir);
        splice = TinyWorld.cli(dir, hub);
        Path images = TinyWorld.images(dir.resolve("images"), 16);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        config = Files.writeString(dir.resolve("run.yaml"), TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void embedTextsDownloadsTheModelAndWritesOneRowPerLine() throws Exception {
        Path texts = Files.writeString(dir.resolve("texts.txt"), "a photo of a cat\ndog\n");
        CliProcess.Result r = splice.run("embed", "--backbone", "hf:" + TinyWorld.REPO, "--texts", texts.toString(), "--out", "t.npy");
        assertEquals(0, r.exitCode(), r.all());
        float[][] rows = Npy.readFloatMatrix(dir.resolve("t.npy"));
        assertEquals(2, rows.length);
        assertEquals(24, rows[0].length, "projection_dim of the tiny fixture");
        assertTrue(Files.exists(dir.resolve("hf/hub/models--test--tiny-clip/refs/main")), "HF cache layout");
    }

    @Test
    void featuresDecomposeDataAndTrainRunEndToEnd() throws Exception {
        CliProcess.Result features = splice.run("features", "--config", config.toString());
        assertEquals(0, features.exitCode(), features.all());
        Path family = dir.resolve("out/features/words.txt-" + TinyWorld.WORDS.size() + "-l1_0.1");
        for (String split : List.of("train", "val", "test")) {
            FeatureSet set = FeatureSet.read(family.resolve(split));
            assertEquals(TinyWorld.WORDS.size(), set.concepts().size());
            assertTrue(set.meta().meanL0() > 0, "decompositions are not empty: " + set.meta());
        }
        assertEquals(48, Stream.of("train", "val", "test")
                .mapToLong(s -> { try { return FeatureSet.read(family.resolve(s)).meta().rows(); } catch (IOException e) { throw new RuntimeException(e); } })
                .sum(), "every image lands in exactly one split");

        CliProcess.Result decompose = splice.run("decompose-data", "--config", config.toString(), "--class-label", "1");
        assertEquals(0, decompose.exitCode(), decompose.all());
        assertTrue(decompose.stdout().contains("Average Decomposition L0 Norm:"), decompose.stdout());
        assertTrue(Files.size(dir.resolve("out/decompositions/test-class1.png")) > 1000);
        assertFalse(decompose.all().contains("decode"), "decompose-data reuses the embedding cache: " + decompose.all());

        CliProcess.Result train = splice.run("train", "--config", config.toString());
        assertEquals(0, train.exitCode(), train.all());
        assertTrue(train.stdout().contains("test accuracy"), train.stdout());
        Path runs = dir.resolve("out/runs");
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        assertTrue(Files.exists(run.resolve("report/report.html")));
        assertTrue(Files.exists(run.resolve("config.yaml")));
        Path experiment = mlflowExperiment(dir.resolve("mlruns"), "tiny-e2e");
        Path mlflowRun;
        try (Stream<Path> s = Files.list(experiment)) {
            mlflowRun = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(mlflowRun.resolve("meta.yaml")).contains("status: 3"), "run FINISHED");
        assertEquals("0.1", Files.readString(mlflowRun.resolve("params/splice.l1_penalty")));
        long trainRows = FeatureSet.read(family.resolve("train")).meta().rows();
        assertEquals(Long.toString(trainRows), Files.readString(mlflowRun.resolve("params/dataset.rows.train")),
                "the samples actually used are recorded");
        assertEquals(1, Files.readAllLines(mlflowRun.resolve("metrics/val_accuracy")).size(),
                "the exact solver logs its certified fit once");
        assertTrue(Files.exists(mlflowRun.resolve("metrics/test_accuracy")));
        assertTrue(Files.exists(mlflowRun.resolve("artifacts/report/report.html")));
        assertTrue(Files.exists(mlflowRun.resolve("tags/mlflow.source.git.commit")));

        CliProcess.Result path = splice.run("path", "--config", config.toString());
        assertEquals(0, path.exitCode(), path.all());
        assertTrue(path.stdout().contains("test accuracy at NEC <= 5"), path.stdout());
        Path paths;
        try (Stream<Path> s = Files.list(dir.resolve("out/paths"))) {
            paths = s.findFirst().orElseThrow();
        }
        List<String> rows = Files.readAllLines(paths.resolve("path.csv"));
        assertEquals(21, rows.size(), "header + 20 penalties");
        assertTrue(rows.get(1).split(",")[1].equals("0"), "the first penalty zeroes every weight: " + rows.get(1));
        assertTrue(Files.size(paths.resolve("accuracy-vs-nec.png")) > 1000);
    }

    @Test
    void unknownConfigKeyIsAClearErrorWithTheLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(config).replace("  l1_penalty:", "  l1_penalt:"));
        CliProcess.Result r = splice.run("features", "--config", bad.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("error: " + bad + ":") && r.stderr().contains("unknown key 'l1_penalt'"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace for a user error: " + r.stderr());
    }

    private static Path mlflowExperiment(Path mlruns, String name) throws IOException {
        try (Stream<Path> s = Files.list(mlruns)) {
            for (Path e : s.toList()) {
                Path meta = e.resolve("meta.yaml");
                if (Files.exists(meta) && Files.readString(meta).contains("name: " + name)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no MLflow experiment " + name + " under " + mlruns);
    }
}
