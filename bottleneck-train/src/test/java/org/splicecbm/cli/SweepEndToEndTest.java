package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.report.HeadlessChromium;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;

/**
 * {@code splice sweep} as a user runs it, in its own JVM on the tiny world: 2 vocabulary sizes x 2 SpLiCE l1 = 4
 * regularisation paths of 2 probe penalties each (8 points); the points equal independent {@code splice train}
 * runs at the same penalties; a rerun of the finished sweep does nothing, one with a deleted path continues the
 * same parent run and results folder.
 */
@Tag("heavy")
class SweepEndToEndTest {
    private static final String SWEEP = """
            sweep:
              vocabulary_size: [20, 30]
              splice_l1: [0.1, 0.2]
              probe_l1: [1.0e-3, 1.0e-2]
            """;

    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static CliProcess splice;
    static Path config;

    @BeforeAll
    static void world() throws IOException {
        hub = TinyWorld.hub(dir);
        splice = TinyWorld.cli(dir, hub);
        Path images = TinyWorld.images(dir.resolve("images"), 12);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        String run = TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1);
        config = Files.writeString(dir.resolve("sweep.yaml"), run + SWEEP);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void onePathPerFeaturePointEqualsIndependentTrainingsAndRerunsContinueTheSameSweep() throws Exception {
        CliProcess.Result first = splice.run("sweep", "--config", config.toString());
        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.stdout().contains("4 paths (grid search over vocabulary size x splice l1), 0 already done, 4 to run"),
                first.stdout());
        assertEquals(4, count(first.stdout(), "== features for"), "features once per (size, l1): " + first.stdout());
        assertEquals(4, count(first.stdout(), "== path for"), "one path per (size, l1): " + first.stdout());
        assertEquals(2, count(first.stdout(), "one l1 path for vocabulary size"),
                "the features of both splice_l1 values of a size come from one l1 path: " + first.stdout());
        pathFeaturesEqualSingleSolves();
        Path sweepDir = onlySweepDir(dir.resolve("out/sweeps"));
        List<String> rows = Files.readAllLines(sweepDir.resolve("trials.csv"));
        assertEquals(9, rows.size(), "header + one row per path point: " + rows);
        assertEquals(1, rows.stream().filter(r -> r.contains(",true,")).count(), "exactly one best point: " + rows);
        assertTrue(rows.get(1).startsWith("0,20,0.1,0.01,") && rows.get(2).startsWith("1,20,0.1,0.001,")
                && rows.get(8).startsWith("7,30,0.2,0.001,"), "grid order, each path from its largest penalty: " + rows);
        for (String file : List.of("sparsity-accuracy.png", "sparsity-accuracy.svg", "sweep.html", "config.yaml",
                "chosen-config.yaml", "chosen-model/weights.npy")) {
            assertTrue(Files.size(sweepDir.resolve(file)) > 50, file);
        }
        Matcher retrained = Pattern.compile("retrained: test accuracy (\\S+) \\(on the path: (\\S+)\\)").matcher(first.stdout());
        assertTrue(retrained.find(), first.stdout());
        assertEquals(retrained.group(2), retrained.group(1), "the chosen probe retrained cold = its path point");
        String page = Files.readString(sweepDir.resolve("sweep.html"));
        assertTrue(page.contains("id=\"confusion\"") && page.contains("splice sweep --config " + config), "page: chosen + commands");

        String sweepId = sweepDir.getFileName().toString();
        List<Path> children = runsTagged("mlflow.parentRunId", null);
        assertEquals(8, children.size(), "one child run per path point");
        Path parent = runsTagged("splice.sweep", sweepId).stream().filter(p -> !children.contains(p)).findFirst().orElseThrow();
        for (Path run : children) {
            assertEquals(parent.getFileName().toString(), Files.readString(run.resolve("tags/mlflow.parentRunId")));
            assertTrue(Files.exists(run.resolve("params/probe.l1")) || Files.list(run.resolve("params")).findAny().isPresent());
            assertEquals(3, status(run), "FINISHED");
        }
        assertTrue(Files.exists(parent.resolve("artifacts/sweep.html")), "the page is an artifact of the parent run");
        assertEquals(3, status(parent));

        samePointsAsIndependentTrainings(sweepDir, rows);
        rendersInChromium(sweepDir.resolve("sweep.html"));

        FileTime written = Files.getLastModifiedTime(sweepDir.resolve("trials.csv"));
        int runs = runsTagged("splice.sweep", null).size();
        CliProcess.Result again = splice.run("sweep", "--config", config.toString());
        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.stdout().contains("sweep " + sweepId + " is complete") && again.stdout().contains("nothing to do, nothing rewritten"),
                again.stdout());
        assertEquals(written, Files.getLastModifiedTime(sweepDir.resolve("trials.csv")), "nothing rewritten");
        assertEquals(runs, runsTagged("splice.sweep", null).size(), "no new run");

        Files.delete(dir.resolve("out/sweeps/tiny-e2e/trials/k30-l1_0.2.json"));
        CliProcess.Result partial = splice.run("sweep", "--config", config.toString());
        assertEquals(0, partial.exitCode(), partial.all());
        assertTrue(partial.stdout().contains("sweep " + sweepId + " (continued, parent run " + parent.getFileName() + ")")
                && partial.stdout().contains("3 already done, 1 to run"), partial.stdout());
        assertEquals(1, count(partial.stdout(), "== path for"), "only the missing path: " + partial.stdout());
        assertEquals(0, count(partial.stdout(), "one l1 path"), "its size's other l1 is done: no path, one solve: "
                + partial.stdout());
        assertEquals(sweepDir, onlySweepDir(dir.resolve("out/sweeps")), "the same results folder");
        assertEquals(10, runsTagged("mlflow.parentRunId", parent.getFileName().toString()).size(), "2 more children, same parent");
        assertEquals(3, status(parent), "the continued parent run FINISHED again");
    }

    /**
     * The features the sweep's l1 path wrote for size 20 at splice l1 0.1 (solved after 0.2, warm-started from it), and
     * those of {@code splice features --l1 0.3,0.1}, are those {@code splice features} computes at that l1 alone: the
     * same support in every row, weights within 1e-6. A one-value command refuses an l1 list.
     */
    private static void pathFeaturesEqualSingleSolves() throws Exception {
        String size20 = Files.readString(config).replace(SWEEP, "").replaceAll("(?m)^  size: \\d+$", "  size: 20");
        Path single = Files.writeString(dir.resolve("single.yaml"), size20.replace("output: out\n", "output: out-single\n"));
        CliProcess.Result alone = splice.run("features", "--config", single.toString());
        assertEquals(0, alone.exitCode(), alone.all());
        Path listed = Files.writeString(dir.resolve("listed.yaml"), size20.replace("output: out\n", "output: out-list\n"));
        CliProcess.Result list = splice.run("features", "--config", listed.toString(), "--l1", "0.3,0.1");
        assertEquals(0, list.exitCode(), list.all());
        assertTrue(list.stdout().contains("splice l1 0.3:") && list.stdout().contains("splice l1 0.1:"), list.stdout());
        assertTrue(Files.readString(dir.resolve("out-list/features/words.txt-20-l1_0.3/config.yaml")).contains("l1_penalty: 0.3"),
                "each value's resolved config beside its feature sets");
        for (String split : List.of("train", "val", "test")) {
            CsrMatrix expected = FeatureSet.read(dir.resolve("out-single/features/words.txt-20-l1_0.1").resolve(split)).features();
            assertTrue(expected.nnz() > 0, "a nonempty decomposition: " + split);
            for (String onPath : List.of("out", "out-list")) {
                CsrMatrix actual = FeatureSet.read(dir.resolve(onPath + "/features/words.txt-20-l1_0.1").resolve(split)).features();
                assertSameFeatures(expected, actual, onPath + " " + split);
            }
        }
        CliProcess.Result refused = splice.run("train", "--config", single.toString(), "--l1", "0.1,0.2");
        assertEquals(1, refused.exitCode(), refused.all());
        assertTrue(refused.stderr().contains("--l1 [0.1, 0.2]: this command takes one SpLiCE penalty"), refused.stderr());
    }

    private static void assertSameFeatures(CsrMatrix expected, CsrMatrix actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what);
        for (int i = 0; i < expected.rows(); i++) {
            float[] e = expected.denseRow(i);
            float[] a = actual.denseRow(i);
            assertArrayEquals(e, a, 1e-6f, what + " row " + i);
            for (int j = 0; j < e.length; j++) {
                assertEquals(e[j] > 0, a[j] > 0, what + " row " + i + ": support");
            }
        }
    }

    /** Two points of the chosen path, trained alone by `splice train` at their penalty: the same numbers. */
    private static void samePointsAsIndependentTrainings(Path sweepDir, List<String> rows) throws Exception {
        String[] chosen = rows.stream().filter(r -> r.contains(",true,")).findFirst().orElseThrow().split(",");
        List<Integer> support = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            if (!c[1].equals(chosen[1]) || !c[2].equals(chosen[2])) {
                continue;
            }
            CliProcess.Result train = splice.run("train", "--config", sweepDir.resolve("chosen-config.yaml").toString(),
                    "--probe-l1", c[3]);
            assertEquals(0, train.exitCode(), train.all());
            Matcher m = Pattern.compile("test accuracy (\\S+), .* effective concepts (\\d+)").matcher(train.stdout());
            assertTrue(m.find(), train.stdout());
            assertEquals(Double.parseDouble(c[12]), Double.parseDouble(m.group(1)), 1e-4, "test accuracy at probe l1 " + c[3]);
            assertEquals(Integer.parseInt(c[7]), Integer.parseInt(m.group(2)), "effective concepts at probe l1 " + c[3]);
            Path model = Path.of(train.stdout().lines().filter(l -> l.startsWith("model: ")).findFirst().orElseThrow().substring(7));
            int nonzeros = Arrays.stream(TrainedProbe.load(model).weights().nonzerosPerClass()).sum();
            assertEquals(Integer.parseInt(c[6]), nonzeros, "the same support at probe l1 " + c[3]);
            support.add(nonzeros);
        }
        assertEquals(2, support.size(), "both penalties of the chosen path were compared");
        assertTrue(support.get(0) <= support.get(1) && support.get(1) > 0,
                "the larger penalty (first) has no more nonzeros, and the probe is not empty: " + support);
    }

    /** The page the sweep wrote shows its three plots, the 8 points, the chosen probe's concepts and confusion matrix. */
    private static void rendersInChromium(Path html) throws Exception {
        // HeadlessChromium skips where Chromium is missing, and fails when CI is set (testing.PythonReference)
        String dom = HeadlessChromium.dumpDom(html);
        assertTrue(dom.contains("data-plots-shown=\"3\""), "all three plots decoded and shown");
        String table = dom.substring(dom.indexOf("<tbody>"), dom.indexOf("</tbody>"));
        assertEquals(8, table.split("<tr", -1).length - 1, "one table row per path point");
        assertTrue(dom.contains("id=\"confusion\"") && dom.contains("id=\"top-concepts\"") && dom.contains("class=\"chosen\""));
        Path keep = Path.of("target", "sweep-e2e-page.png");
        Files.createDirectories(keep.getParent());
        HeadlessChromium.screenshot(html, keep, 1400, 2200);
    }

    @Test
    void sigtermDuringASweepMarksItKilledKeepsFinishedPathsAndTheRerunContinuesIt() throws Exception {
        String many = SWEEP.replace("splice_l1: [0.1, 0.2]", "splice_l1: [0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12]");
        Path longConfig = Files.writeString(dir.resolve("long.yaml"), Files.readString(config).replace(SWEEP, many)
                .replace("uri: mlruns", "uri: killed-mlruns").replace("output: out\n", "output: out-killed\n"));
        Path mlruns = dir.resolve("killed-mlruns");
        Path err = dir.resolve("killed.err");
        Process sweep = splice.start(dir.resolve("killed.out"), err, "sweep", "--config", longConfig.toString());
        try {
            waitForAFinishedPath(dir.resolve("out-killed/sweeps/tiny-e2e/trials"), sweep);
            CliProcess.Result concurrent = splice.run("sweep", "--config", longConfig.toString());
            assertEquals(1, concurrent.exitCode(), concurrent.all());
            assertTrue(concurrent.stderr().contains("is already running in another process"), "one sweep at a time: "
                    + concurrent.stderr());
            assertTrue(sweep.isAlive(), "the sweep runs on; the second command did not touch it");
            sweep.destroy(); // SIGTERM
            assertTrue(sweep.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "the JVM stops after SIGTERM");
            assertEquals(143, sweep.exitValue(), "128 + SIGTERM: " + Files.readString(err));
        } finally {
            sweep.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertTrue(stderr.contains("interrupted: sweep tiny-e2e-") && stderr.contains("paths finished and kept in")
                && stderr.contains("KILLED"), stderr);
        List<Path> parents = runsTagged(mlruns, "splice.sweep", null).stream()
                .filter(r -> !Files.exists(r.resolve("tags/mlflow.parentRunId"))).toList();
        assertEquals(1, parents.size());
        Path parent = parents.get(0);
        assertEquals(5, status(parent), "the parent run is KILLED");
        Map<String, Object> meta = new YAMLMapper().readValue(parent.resolve("meta.yaml").toFile(), new TypeReference<>() {});
        assertNotNull(meta.get("end_time"), "with an end time");
        for (Path run : runsTagged(mlruns, "splice.sweep", null)) {
            assertNotEquals(1, status(run), "no run is left RUNNING: " + run);
        }
        String sweepId = Files.readString(parent.resolve("tags/splice.sweep"));
        assertFalse(Files.exists(dir.resolve("out-killed/sweeps").resolve(sweepId)), "no partial results folder");

        CliProcess.Result resumed = splice.run("sweep", "--config", longConfig.toString());
        assertEquals(0, resumed.exitCode(), resumed.all());
        assertTrue(resumed.stdout().contains("sweep " + sweepId + " (continued, parent run " + parent.getFileName() + ")"),
                resumed.stdout());
        assertFalse(resumed.stdout().contains(" 0 already done"), "the paths finished before SIGTERM were kept: " + resumed.stdout());
        assertEquals(dir.resolve("out-killed/sweeps").resolve(sweepId), onlySweepDir(dir.resolve("out-killed/sweeps")));
        assertEquals(3, status(parent), "the same parent run, FINISHED now");
    }

    private static void waitForAFinishedPath(Path store, Process sweep) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertTrue(sweep.isAlive(), "the sweep stopped before it was signalled");
            if (Files.isDirectory(store)) {
                try (Stream<Path> files = Files.list(store)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".json"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no path finished within 3 minutes");
    }

    @Test
    void aConfigWithoutSweepSectionAndAFailingPathAreClearErrors() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), Files.readString(config).replace(SWEEP, "")
                .replace("out\n", "out-errors\n"));
        CliProcess.Result none = splice.run("sweep", "--config", plain.toString());
        assertEquals(1, none.exitCode(), none.all());
        assertTrue(none.stderr().contains("has no sweep: section"), none.stderr());

        Path missing = Files.writeString(dir.resolve("missing.yaml"), Files.readString(config)
                .replace(dir.resolve("images").toString(), dir.resolve("no-such-images").toString()).replace("out\n", "out-errors\n"));
        CliProcess.Result failed = splice.run("sweep", "--config", missing.toString());
        assertEquals(1, failed.exitCode(), failed.all());
        assertTrue(failed.stderr().contains("error: path size 20, splice l1 0.1 failed:")
                && failed.stderr().contains("rerun the same command to resume"), failed.stderr());
        assertEquals(1, count(failed.stdout(), "== features for"), "the sweep stops at the first failed path: " + failed.stdout());
        try (Stream<Path> left = Files.list(dir.resolve("out-errors/sweeps"))) {
            assertEquals(List.of("tiny-e2e"), left.map(p -> p.getFileName().toString()).toList(),
                    "only the trial store folder (sweep.json, trials/): no results folder from a failed sweep");
        }
    }

    static Path onlySweepDir(Path sweeps) throws IOException {
        try (Stream<Path> s = Files.list(sweeps)) {
            List<Path> dirs = s.filter(p -> Files.exists(p.resolve("trials.csv"))).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    /** The MLflow status number in a file-store run's meta.yaml (3 FINISHED, 5 KILLED). */
    static int status(Path run) throws IOException {
        Map<String, Object> meta = new YAMLMapper().readValue(run.resolve("meta.yaml").toFile(), new TypeReference<>() {});
        return ((Number) meta.get("status")).intValue();
    }

    /** MLflow runs (file store under {@code mlruns}) with tag {@code key}, equal to {@code value} unless it is null. */
    private static List<Path> runsTagged(String key, String value) throws IOException {
        return runsTagged(dir.resolve("mlruns"), key, value);
    }

    static List<Path> runsTagged(Path mlruns, String key, String value) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mlruns, 4)) {
            for (Path tag : files.filter(p -> p.getFileName().toString().equals(key) && p.getParent().getFileName().toString().equals("tags")).toList()) {
                if (value == null || Files.readString(tag).equals(value)) {
                    out.add(tag.getParent().getParent());
                }
            }
        }
        return out;
    }

    static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
