package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.SharedFixtures;
import org.splicecbm.backbone.BackboneCatalog;
import org.splicecbm.backbone.WideTinyClip;
import org.splicecbm.concepts.SpliceDataServer;
import org.splicecbm.data.Cifar10Fixture;
import org.splicecbm.data.FakeArchiveServer;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.testing.PythonReference;

/**
 * {@code splice quickstart}, the README's main job, as a user on a fresh machine runs it: a child JVM with an
 * empty home folder, every download served from 127.0.0.1 in the real layouts (the Hugging Face hub serving
 * the repository open_clip:ViT-B-32 names, SpLiCE's raw-GitHub data folder with its published laion vocabulary
 * and image mean, Krizhevsky's {@code ~kriz/cifar-10-binary.tar.gz}), pointed there only by the environment
 * variables a user would set for a mirror. Only the split sizes are made small (--train/--val/--test).
 */
@Tag("heavy")
class QuickstartEndToEndTest {
    private static final int PER_BATCH = 40;
    private static final int TEST = 60;

    @TempDir
    Path dir;

    @Test
    void quickstartDownloadsEverythingAndLeavesFeaturesARunAndAReport() throws Exception {
        String repo = BackboneCatalog.resolve("open_clip:ViT-B-32").repoId();
        byte[] cifar = Cifar10Fixture.archive(PER_BATCH, TEST, 3);
        CliProcess.Result r;
        try (FakeHubServer hub = FakeHubServer.start().serveRepo(repo, WideTinyClip.write(dir.resolve("repo"), 512, 5));
             SpliceDataServer spliceData = new SpliceDataServer(SharedFixtures.spliceData());
             FakeArchiveServer toronto = new FakeArchiveServer()) {
            toronto.serve("cifar-10-binary.tar.gz", cifar);
            Path home = Files.createDirectories(dir.resolve("home"));
            CliProcess splice = new CliProcess(dir, Map.of(
                    "HF_ENDPOINT", hub.endpoint(),
                    "SPLICE_DATA_URL", spliceData.baseUrl().toString(),
                    "CIFAR_URL", toronto.base().replace("/kriz/", "/~kriz/"),
                    "CIFAR_MD5", Cifar10Fixture.md5(cifar)))
                    .withJvmOptions("-Duser.home=" + home);
            int train = 5 * PER_BATCH * 9 / 10;
            r = splice.run("quickstart", "--dir", "qs", "--train", Integer.toString(train),
                    "--val", Integer.toString(5 * PER_BATCH - train), "--test", Integer.toString(TEST));
            assertEquals(0, r.exitCode(), r.all());

            assertEquals(1, toronto.hits("cifar-10-binary.tar.gz"));
            assertEquals(List.of(SpliceDataServer.PREFIX + "vocab/laion.txt", SpliceDataServer.PREFIX + "means/open_clip_ViT-B-32_image.pt"),
                    spliceData.requests.stream().sorted((a, b) -> a.contains("vocab") ? -1 : 1).toList());
            assertTrue(Files.isDirectory(home.resolve(".cache/splice-cbm/datasets/cifar10/cifar-10-batches-bin")),
                    "CIFAR-10 lands where the quickstart config says (~/.cache/splice-cbm/datasets/cifar10)");
            assertTrue(Files.isDirectory(home.resolve(".cache/huggingface/hub/models--" + repo.replace("/", "--"))),
                    "the weights land in the Hugging Face cache of the user's home");
        }
        Path qs = dir.resolve("qs");
        scipyReadsTheFeatureSets(qs.resolve("features/laion-10000-l1_0.25"), 5 * PER_BATCH - 20, 20, TEST);
        Path run = onlyChild(qs.resolve("runs"));
        for (String file : List.of("report/report.html", "config.yaml", "model/weights.npy")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), "the run folder holds " + file);
        }
        trackedRunFinished(qs.resolve("mlruns"), run);
        printedSummary(r.stdout(), run);
    }

    /** What the README promises: {@code scipy.sparse.load_npz(features.npz)} with labels and concept names beside it. */
    private static void scipyReadsTheFeatureSets(Path family, int train, int val, int test) throws IOException {
        PythonReference.require("numpy", "scipy");
        String out = PythonReference.check(String.join("\n",
                "import numpy as np, scipy.sparse as sp, json, sys",
                "for split in ('train', 'val', 'test'):",
                "    d = '" + family + "/' + split",
                "    x = sp.load_npz(d + '/features.npz'); y = np.load(d + '/labels.npy')",
                "    concepts = open(d + '/concepts.txt').read().splitlines()",
                "    assert x.format == 'csr' and x.shape == (len(y), 10000) and len(concepts) == 10000, (x.shape, len(concepts))",
                "    assert x.data.min() >= 0 and set(y.tolist()) <= set(range(10)), split",
                "    names = open(d + '/classes.txt').read().splitlines()",
                "    assert names == json.load(open(d + '/meta.json'))['classes'] == " + pythonList(Cifar10Fixture.CLASSES) + ", names",
                "    print(split, x.shape[0], x.nnz > 0)"));
        assertEquals("train " + train + " True\nval " + val + " True\ntest " + test + " True", out);
    }

    private static String pythonList(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static void trackedRunFinished(Path mlruns, Path run) throws IOException {
        Path mlflowRun;
        try (Stream<Path> experiments = Files.list(mlruns)) {
            mlflowRun = experiments.filter(e -> Files.isRegularFile(e.resolve("meta.yaml")))
                    .filter(e -> read(e.resolve("meta.yaml")).contains("name: quickstart-cifar10"))
                    .map(QuickstartEndToEndTest::onlyChild).findFirst().orElseThrow(() -> new AssertionError("no quickstart-cifar10 experiment"));
        }
        assertTrue(read(mlflowRun.resolve("meta.yaml")).contains("status: 3"), "run FINISHED");
        assertEquals("open_clip:ViT-B-32", read(mlflowRun.resolve("params/backbone")));
        assertEquals("0.25", read(mlflowRun.resolve("params/splice.l1_penalty")));
        assertTrue(Files.isRegularFile(mlflowRun.resolve("metrics/test_accuracy")));
        assertTrue(Files.isRegularFile(mlflowRun.resolve("artifacts/report/report.html")));
        assertTrue(Files.isDirectory(run), run.toString());
    }

    private static void printedSummary(String stdout, Path run) {
        for (String stage : List.of("== splice features", "== splice decompose-data", "== splice train")) {
            assertTrue(stdout.contains(stage), stage + " in:\n" + stdout);
        }
        assertTrue(stdout.contains("Average Decomposition L0 Norm:"), stdout);
        int train = stdout.indexOf("\ntrain "), val = stdout.indexOf("\nval "), test = stdout.indexOf("\ntest ");
        assertTrue(0 < train && train < val && val < test, "split summaries in the order train, val, test:\n" + stdout);
        assertTrue(stdout.contains("run " + run.getFileName() + ": test accuracy "), stdout);
        for (String name : Cifar10Fixture.CLASSES) {
            assertTrue(stdout.contains("  " + name + ":"), "explanation for " + name + " in:\n" + stdout);
        }
        assertTrue(stdout.contains("report: " + run.resolve("report/report.html")), stdout);
        assertTrue(stdout.contains("done: open qs/runs/*/report/report.html"), stdout);
        assertFalse(stdout.contains("Exception"), stdout);
    }

    private static Path onlyChild(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), "one folder in " + folder + ": " + dirs);
            return dirs.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
