package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.analysis.SciPy;

/**
 * {@code splice shift} in its own JVM on tiny-CLIP features (train vs test of a manifest with a year column):
 * every number of {@code shift.csv} recomputed from the feature files by SciPy, the column study checked by
 * NumPy, and each kind of bad input failing with a clear message and no output folder.
 */
@Tag("heavy")
class ShiftCommandTest {
    @TempDir
    static Path dir;
    static AnalysisWorld world;

    @BeforeAll
    static void features() throws Exception {
        world = AnalysisWorld.create(dir, 30, 0.05);
        CliProcess.Result r = world.splice.run("features", "--config", world.config.toString());
        assertEquals(0, r.exitCode(), r.all());
    }

    private static final String REFERENCE = """
            import sys, json, numpy as np, scipy.sparse as sp
            from scipy import stats
            a, b, names_file, m = sys.stdin.read().split("\\n")[:4]; m = int(m)
            X = sp.load_npz(a).tocsc(); Y = sp.load_npz(b).tocsc(); names = open(names_file).read().splitlines()
            ca = np.asarray((X != 0).sum(0)).ravel(); cb = np.asarray((Y != 0).sum(0)).ravel(); n1, n2 = X.shape[0], Y.shape[0]
            tested = [j for j in range(X.shape[1]) if ca[j] + cb[j] >= m and n1 + n2 - ca[j] - cb[j] >= m]
            rows = {}
            for j in tested:
                p = stats.chi2_contingency(np.array([[ca[j], n1 - ca[j]], [cb[j], n2 - cb[j]]]), correction=False)[1]
                pw = stats.mannwhitneyu(X[:, j].toarray().ravel(), Y[:, j].toarray().ravel(), method="asymptotic").pvalue
                rows[names[j]] = [ca[j] / n1, cb[j] / n2, p, float(pw)]
            ps = np.array([rows[k][2] for k in rows]); o = np.argsort(ps); r = np.arange(1, len(ps) + 1)
            q = np.minimum.accumulate((ps[o] * len(ps) / r)[::-1])[::-1]; qq = np.empty_like(q); qq[o] = np.minimum(q, 1)
            for k, v in zip(rows, qq): rows[k].append(float(v))
            print(json.dumps({k: [float(x) for x in v] for k, v in rows.items()}))
            """;

    @Test
    void shiftCsvMatchesSciPyAndEveryOutputIsWritten() throws Exception {
        SciPy.require();
        Path out = dir.resolve("shift-train-test");
        CliProcess.Result r = world.splice.run("shift", "--reference", world.config + ":train", "--current", world.config + ":test",
                "--min-active", "3", "--permutations", "49", "--out", out.toString(), "--tracking-uri", dir.resolve("mlruns").toString());
        assertEquals(0, r.exitCode(), r.all());
        System.out.print(r.stdout());
        List<String> csv = Files.readAllLines(out.resolve("shift.csv"));
        assertTrue(csv.get(0).startsWith("concept,prevalence_reference,prevalence_current,difference,p_value,q_value"), csv.get(0));
        Path train = world.features("train", 0.05);
        Path test = world.features("test", 0.05);
        JsonNode expected = new ObjectMapper().readTree(SciPy.run(REFERENCE, train.resolve("features.npz") + "\n"
                + test.resolve("features.npz") + "\n" + train.resolve("concepts.txt") + "\n3\n"));
        assertEquals(expected.size(), csv.size() - 1, "one row per tested concept: " + csv);
        assertTrue(expected.size() >= 3, "the tiny world tests a few concepts: " + expected);
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            JsonNode e = expected.get(f[0]);
            assertNotNull(e, "SciPy tests " + f[0] + " too");
            assertEquals(e.get(0).asDouble(), Double.parseDouble(f[1]), 1e-12, f[0] + " prevalence_reference");
            assertEquals(e.get(1).asDouble(), Double.parseDouble(f[2]), 1e-12, f[0] + " prevalence_current");
            assertEquals(e.get(1).asDouble() - e.get(0).asDouble(), Double.parseDouble(f[3]), 1e-12, f[0] + " difference");
            assertEquals(e.get(2).asDouble(), Double.parseDouble(f[4]), 1e-9 * e.get(2).asDouble(), f[0] + " p_value");
            assertEquals(e.get(4).asDouble(), Double.parseDouble(f[5]), 1e-9 * e.get(4).asDouble(), f[0] + " q_value");
            assertEquals(e.get(3).asDouble(), Double.parseDouble(f[14]), 1e-9 * e.get(3).asDouble(), f[0] + " weight_p_value");
        }
        for (String file : List.of("volcano.png", "ranked.png")) {
            assertTrue(Files.size(out.resolve(file)) > 2000, file);
        }
        assertTrue(Files.readString(out.resolve("volcano.svg")).contains("<svg"));
        String html = Files.readString(out.resolve("shift.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("global test") && !html.contains("src=\"http"), "self-contained page");
        assertTrue(r.stdout().contains("mean L0:") && r.stdout().contains("MLflow run "), r.stdout());
        try (Stream<Path> runs = Files.walk(dir.resolve("mlruns"))) {
            assertTrue(runs.anyMatch(p -> p.endsWith("artifacts/shift.csv")), "shift.csv logged as an MLflow artifact");
        }
    }

    @Test
    void prevalenceByYearMatchesACountFromTheManifest() throws Exception {
        SciPy.require();
        Path out = dir.resolve("by-year");
        CliProcess.Result r = world.splice.run("shift", "--current", world.config + ":train", "--by", "year",
                "--concepts", "red,dog", "--out", out.toString(), "--tracking-uri", dir.resolve("mlruns").toString());
        assertEquals(0, r.exitCode(), r.all());
        String script = """
                import sys, numpy as np, scipy.sparse as sp, csv
                npz, concepts, manifest = sys.stdin.read().split("\\n")[:3]
                X = sp.load_npz(npz).tocsc(); names = open(concepts).read().splitlines()
                years = [row["year"] for row in csv.DictReader(open(manifest)) if row["split"] == "train"]
                for c in ["red", "dog"]:
                    col = X[:, names.index(c)].toarray().ravel() != 0
                    for y in sorted(set(years)):
                        m = np.array([v == y for v in years]); print(f"{c},{y},{m.sum()},{col[m].sum()}")
                """;
        Path train = world.features("train", 0.05);
        List<String> expected = SciPy.run(script, train.resolve("features.npz") + "\n" + train.resolve("concepts.txt") + "\n"
                + world.manifest + "\n").lines().toList();
        List<String> csv = Files.readAllLines(out.resolve("prevalence_by_year.csv"));
        assertEquals("concept,value,images,active,prevalence,ci_low,ci_high", csv.get(0));
        assertEquals(expected, csv.subList(1, csv.size()).stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).toList());
        assertTrue(Files.size(out.resolve("prevalence_by_year.png")) > 2000);
        assertTrue(Files.readString(out.resolve("shift.html")).contains("Prevalence by year"));
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() throws Exception {
        Path out = dir.resolve("never");
        String mlruns = dir.resolve("mlruns-bad").toString();
        assertError(world.splice.run("shift", "--current", world.config + ":train", "--by", "year", "--concepts", "red,dgo",
                "--out", out.toString(), "--tracking-uri", mlruns), "--concepts: unknown concept 'dgo' (nearest: dog");
        assertError(world.splice.run("shift", "--current", world.config + ":train", "--by", "camera", "--concepts", "red",
                "--out", out.toString(), "--tracking-uri", mlruns), "--by camera: the dataset of");
        CliProcess.Result other = world.splice.run("features", "--config", world.config.toString(), "--l1", "0.2");
        assertEquals(0, other.exitCode(), other.all());
        assertError(world.splice.run("shift", "--reference", world.features("train", 0.05).toString(), "--current",
                world.features("test", 0.2).toString(), "--out", out.toString(), "--tracking-uri", mlruns),
                "l1_penalty 0.05 (reference) vs 0.2 (current)");
        assertError(world.splice.run("shift", "--reference", dir.resolve("nowhere").toString(), "--current", world.config + ":test",
                "--out", out.toString(), "--tracking-uri", mlruns), "--reference " + dir.resolve("nowhere") + ": no such feature-set folder");
        assertFalse(Files.exists(out), "nothing written for bad input");
        assertFalse(Files.exists(Path.of(mlruns)), "no MLflow run for bad input");
    }

    private static void assertError(CliProcess.Result r, String message) {
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains(message), r.stderr());
    }
}
