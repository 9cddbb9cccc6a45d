package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.analysis.SciPy;
import org.splicecbm.testing.DrawnShapes;

/**
 * {@code splice retrieval} in its own JVM on a COCO-format captions file over the tiny world's images: recall@k
 * per setting recomputed by NumPy from the saved embeddings and subsets (mean and sample std over all subsets),
 * SpLiCE's L0 falling as l1 grows, and a captions file naming a missing image failing cleanly.
 */
@Tag("heavy")
class RetrievalCommandTest {
    @TempDir
    static Path dir;
    static CliProcess splice;
    static Path config;

    @BeforeAll
    static void world() throws Exception {
        Path model = TinyWorld.model(dir.resolve("model"));
        Path images = TinyWorld.images(dir.resolve("images"), 8);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        StringBuilder imagesJson = new StringBuilder();
        StringBuilder annotations = new StringBuilder();
        int id = 0;
        for (String cls : DrawnShapes.CLASSES) {
            for (int i = 0; i < 8; i++) {
                id++;
                imagesJson.append(id > 1 ? "," : "").append("{\"id\":").append(id).append(",\"file_name\":\"").append(cls)
                        .append('/').append(String.format("%03d.png", i)).append("\"}");
                for (int c = 0; c < 2; c++) {
                    annotations.append(id > 1 || c > 0 ? "," : "").append("{\"id\":").append(id * 10 + c).append(",\"image_id\":")
                            .append(id).append(",\"caption\":\"a ").append(TinyWorld.WORDS.get((id + c * 7) % TinyWorld.WORDS.size()))
                            .append(" drawn as ").append(cls).append("\"}");
                }
            }
        }
        Path captions = Files.writeString(dir.resolve("captions_val2017.json"),
                "{\"images\":[" + imagesJson + "],\"annotations\":[" + annotations + "]}");
        config = Files.writeString(dir.resolve("retrieval.yaml"), """
                schema: 1
                name: tiny-retrieval
                backbone: %s
                batch_size: 8
                coco:
                  captions: %s
                  images: %s
                concepts:
                  vocabulary: %s
                  size: %d
                  image_mean: dataset
                l1_penalties: [0.05, 0.3]
                subset_size: 10
                seed: 3
                output: out
                """.formatted(model, captions, images, vocabulary, TinyWorld.WORDS.size()));
        splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString(), "SPLICE_CACHE", dir.resolve("splice-cache").toString()));
    }

    private static final String REFERENCE = """
            import sys, numpy as np
            d = sys.stdin.read().strip()
            T = np.load(d + "/texts.npy").astype(np.float64)
            subsets = [[int(x) for x in l.split(",")] for l in open(d + "/subsets.txt").read().splitlines()]
            for name in ["images_dense", "images_l1_0.05", "images_l1_0.3"]:
                I = np.load(d + "/" + name + ".npy").astype(np.float64); out = []
                for s in subsets:
                    S = I[s] @ T[s].T; n = len(s); r = []
                    for k in (1, 5, 10):
                        r.append(np.mean([(S[i] > S[i, i]).sum() < k for i in range(n)]))
                    for k in (1, 5, 10):
                        r.append(np.mean([(S[:, i] > S[i, i]).sum() < k for i in range(n)]))
                    out.append(r)
                out = np.array(out); m, sd = out.mean(0), out.std(0, ddof=1)
                print(",".join(f"{a!r},{b!r}" for a, b in zip(m, sd)))
            """;

    @Test
    void recallPerSettingMatchesNumPyOverAllSubsets() throws Exception {
        SciPy.require();
        CliProcess.Result r = splice.run("retrieval", "--config", config.toString(), "--save-embeddings");
        assertEquals(0, r.exitCode(), r.all());
        System.out.print(r.stdout());
        assertTrue(r.stdout().contains("24 captioned images") && r.stdout().contains("2 disjoint random subsets of 10 pairs"), r.stdout());
        Path out = dir.resolve("out/retrieval");
        List<String> csv = Files.readAllLines(out.resolve("retrieval.csv"));
        assertEquals(4, csv.size(), "header, dense, two penalties: " + csv);
        List<String> expected = SciPy.run(REFERENCE, out.toString()).lines().toList();
        for (int row = 0; row < 3; row++) {
            String[] mine = csv.get(row + 1).split(",");
            String[] e = expected.get(row).split(",");
            assertEquals(2, Integer.parseInt(mine[4]), "every subset used");
            for (int j = 0; j < 12; j++) {
                assertEquals(Double.parseDouble(e[j]), Double.parseDouble(mine[5 + j]), 1e-12, csv.get(row + 1) + " column " + (5 + j));
            }
        }
        assertTrue(Double.parseDouble(csv.get(2).split(",")[2]) > Double.parseDouble(csv.get(3).split(",")[2]), "L0 falls as l1 grows");
        assertTrue(Files.size(out.resolve("retrieval.png")) > 2000);
        assertTrue(Files.readString(out.resolve("retrieval.html")).contains("data:image/png;base64,"));
        assertTrue(Files.isDirectory(dir.resolve("mlruns")), "MLflow run recorded");
    }

    @Test
    void aCaptionsFileNamingAMissingImageIsAClearError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"images\":[{\"id\":1,\"file_name\":\"nope.jpg\"}],"
                + "\"annotations\":[{\"id\":1,\"image_id\":1,\"caption\":\"x\"}]}");
        Path badConfig = Files.writeString(dir.resolve("bad.yaml"), Files.readString(config)
                .replace(dir.resolve("captions_val2017.json").toString(), bad.toString()).replace("output: out", "output: out-bad"));
        CliProcess.Result r = splice.run("retrieval", "--config", badConfig.toString());
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("image 1 (nope.jpg) not found in"), r.stderr());
        assertFalse(Files.exists(dir.resolve("out-bad/retrieval")));
    }
}
