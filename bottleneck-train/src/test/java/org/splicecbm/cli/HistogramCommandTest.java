package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.analysis.SciPy;

/**
 * {@code splice histogram} in its own JVM on the tiny world: the feature stage runs on demand, train and test are
 * pooled, and counts, shares, intervals and tests match NumPy's {@code histogram} and SciPy; bad names fail
 * before any work with near matches, and nothing is written.
 */
@Tag("heavy")
class HistogramCommandTest {
    @TempDir
    static Path dir;
    static AnalysisWorld world;

    @BeforeAll
    static void create() throws Exception {
        world = AnalysisWorld.create(dir, 24, 0.05);
    }

    private static final String REFERENCE = """
            import sys, numpy as np, scipy.sparse as sp
            from scipy import stats
            train, test, classes_file = sys.stdin.read().split("\\n")[:3]
            names = open(train + "/concepts.txt").read().splitlines(); cols = [names.index(c) for c in ["red", "car", "dog"]]
            X = sp.vstack([sp.load_npz(train + "/features.npz"), sp.load_npz(test + "/features.npz")]).toarray()
            y = np.concatenate([np.load(train + "/labels.npy"), np.load(test + "/labels.npy")])
            w = X[:, cols].astype(np.float32).mean(axis=1, dtype=np.float64)
            a, b = w[y == 0], w[y == 2]
            edges = np.histogram_bin_edges(np.concatenate([a, b]), 20)
            for name, v in (("circles", a), ("stripes", b)):
                for e0, e1, c in zip(edges[:-1], edges[1:], np.histogram(v, edges)[0]): print(f"H,{name},{c}")
                k = int((v > 0).sum()); ci = stats.binomtest(k, len(v)).proportion_ci(0.95, method="wilson")
                print(f"A,{name},{len(v)},{k},{ci.low!r},{ci.high!r}")
            ka, kb = int((a > 0).sum()), int((b > 0).sum())
            t = np.array([[ka, len(a) - ka], [kb, len(b) - kb]])
            p = 1.0 if t[:, 0].sum() in (0, len(a) + len(b)) else stats.chi2_contingency(t, correction=False)[1]
            print(f"T,{p!r},{stats.mannwhitneyu(a, b, method='asymptotic').pvalue!r}")
            """;

    @Test
    void poolsTrainAndTestAndMatchesNumPyAndSciPy() throws Exception {
        SciPy.require();
        Path out = dir.resolve("hist");
        CliProcess.Result r = world.splice.run("histogram", "--config", world.config.toString(), "--classes", "circles,stripes",
                "--concepts", "red,car,dog", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.all());
        System.out.print(r.stdout());
        assertTrue(r.stdout().contains("splits pooled: train + test (72 images)"), r.stdout());
        List<String> expected = SciPy.run(REFERENCE, world.features("train", 0.05) + "\n" + world.features("test", 0.05) + "\n\n")
                .lines().toList();
        List<String> counts = Files.readAllLines(out.resolve("histogram.csv"));
        List<String> expectedCounts = expected.stream().filter(l -> l.startsWith("H,")).map(l -> l.substring(2)).toList();
        assertEquals(expectedCounts, counts.subList(1, counts.size()).stream()
                .map(l -> l.split(",")[0] + "," + l.split(",")[3]).toList(), "counts per class and bin as np.histogram");
        List<String> active = Files.readAllLines(out.resolve("active.csv"));
        List<String[]> expectedActive = expected.stream().filter(l -> l.startsWith("A,")).map(l -> l.split(",")).toList();
        for (int k = 0; k < 2; k++) {
            String[] mine = active.get(k + 1).split(",");
            String[] e = expectedActive.get(k);
            assertEquals(List.of(e[1], e[2], e[3]), List.of(mine[0], mine[1], mine[2]));
            assertEquals(Double.parseDouble(e[4]), Double.parseDouble(mine[4]), 1e-12, "Wilson low");
            assertEquals(Double.parseDouble(e[5]), Double.parseDouble(mine[5]), 1e-12, "Wilson high");
        }
        String[] tests = Files.readAllLines(out.resolve("tests.csv")).get(1).split(",");
        String[] e = expected.get(expected.size() - 1).split(",");
        assertEquals(Double.parseDouble(e[1]), Double.parseDouble(tests[3]), 1e-9 * Double.parseDouble(e[1]) + 1e-300, "z-test p");
        assertEquals(Double.parseDouble(e[2]), Double.parseDouble(tests[5]), 1e-9 * Double.parseDouble(e[2]), "Mann-Whitney p");
        assertTrue(Files.size(out.resolve("histogram.png")) > 2000);
        assertTrue(Files.readString(out.resolve("histogram.svg")).contains("circles"));
        assertTrue(Files.readString(out.resolve("histogram.html")).contains("data:image/png;base64,"));
        assertTrue(Files.isDirectory(dir.resolve("mlruns")), "MLflow run in the config's tracking store");
    }

    @Test
    void misspeltNamesAreClearErrorsBeforeAnyWork() throws Exception {
        Path out = dir.resolve("never");
        CliProcess.Result concept = world.splice.run("histogram", "--config", world.config.toString(), "--classes", "circles,stripes",
                "--concepts", "red,sunglases", "--out", out.toString());
        assertEquals(1, concept.exitCode(), concept.all());
        assertTrue(concept.stderr().contains("--concepts: unknown concept 'sunglases' (nearest: sunglasses"), concept.stderr());
        CliProcess.Result cls = world.splice.run("histogram", "--config", world.config.toString(), "--classes", "circle,stripes",
                "--concepts", "red", "--out", out.toString());
        assertEquals(1, cls.exitCode(), cls.all());
        assertTrue(cls.stderr().contains("--classes: unknown class 'circle' (nearest: circles"), cls.stderr());
        assertFalse(Files.exists(out));
    }
}
