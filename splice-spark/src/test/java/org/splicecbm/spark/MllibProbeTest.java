package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.store.Npy;

/**
 * The MLlib L1 probe against scikit-learn's {@code LogisticRegression(penalty='l1', solver='saga', C = 1/(l1 n))} on
 * sparse nonnegative concept features that fit one machine (600 x 30, 3 classes), read through the project's feature
 * formats (feature set -> Parquet table for Spark, the same {@code features.npz} for SciPy): both reach the same
 * optimum of {@code mean loss + l1 ||W||_1}, so coefficients, support and accuracy agree.
 */
class MllibProbeTest {
    static final double L1 = 0.003;
    static final int N = 600;
    static final int K = 30;
    static final int CLASSES = 3;
    static SparkSession spark;
    @TempDir static Path dir;
    static FeatureSet features;
    static Path table;

    @BeforeAll
    static void data() throws IOException {
        spark = LocalSpark.start("local[2]");
        features = syntheticFeatures(new Random(11));
        features.write(dir.resolve("set/train"));
        table = dir.resolve("table");
        FeatureSetConverter.convert(spark, dir.resolve("set"), table);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void mllibMatchesScikitLearnAtCEqualsOneOverL1TimesN() throws Exception {
        Assumptions.assumeTrue(python("import sklearn, scipy"), "needs Debian /usr/bin/python3 with scikit-learn and scipy (apt-get install -y python3-sklearn)");
        MllibProbe probe = new MllibProbe(L1, 2000, 1e-12);
        MllibProbe.Trained trained = probe.train(spark, table, "train");
        Path exported = dir.resolve("probe");
        ProbeExport.write(probe, trained, exported);
        double[][] w = readWeights(exported);
        runSklearn(1.0 / (L1 * N));
        double[][] ref = transpose(Npy.readFloatMatrix(dir.resolve("sk_coef.npy")));
        double scale = 0;
        double maxDiff = 0;
        int supportDiff = 0;
        int nonzeros = 0;
        for (int j = 0; j < K; j++) {
            for (int c = 0; c < CLASSES; c++) {
                scale = Math.max(scale, Math.abs(ref[j][c]));
                maxDiff = Math.max(maxDiff, Math.abs(w[j][c] - ref[j][c]));
                nonzeros += w[j][c] != 0 ? 1 : 0;
                boolean clear = Math.abs(w[j][c]) > 1e-3 || Math.abs(ref[j][c]) > 1e-3;
                supportDiff += clear && ((w[j][c] == 0) != (ref[j][c] == 0)) ? 1 : 0;
            }
        }
        double mllibObjective = objective(w, centredBias(trained.model().interceptVector().toArray()));
        double skObjective = objective(ref, centredBias(toDouble(Npy.read(dir.resolve("sk_bias.npy")).toFloatVector())));
        System.out.printf("MLlib vs sklearn: max |dW| = %.3g (max |W| %.3g), %d/%d nonzero, support differences %d,"
                + " objective %.10f vs %.10f, %d iterations%n", maxDiff, scale, nonzeros, K * CLASSES, supportDiff,
                mllibObjective, skObjective, trained.iterations());
        assertTrue(nonzeros > 5 && nonzeros < K * CLASSES, "L1 must zero some but not all weights: " + nonzeros);
        assertTrue(maxDiff <= 1e-4 * scale, "coefficients differ by " + maxDiff + " at scale " + scale);
        assertEquals(0, supportDiff, "support (|w| > 1e-3 on either side)");
        assertEquals(skObjective, mllibObjective, 1e-6 * Math.abs(skObjective), "same optimum of mean loss + l1 |W|_1");
        double skAccuracy = Double.parseDouble(Files.readString(dir.resolve("sk_acc.txt")).trim());
        assertEquals(skAccuracy, accuracy(w, trained.model().interceptVector().toArray()), 1.0 / N + 1e-12);
        assertEquals(List.of("0", "1", "2"), Files.readAllLines(exported.resolve("classes.txt")));
        assertEquals(features.concepts(), Files.readAllLines(exported.resolve("concepts.txt")));
    }

    @Test
    void aLargerPenaltyKeepsNoMoreConcepts() throws IOException {
        long weak = nonzeros(new MllibProbe(0.002, 500, 1e-9).train(spark, table, "train"));
        long strong = nonzeros(new MllibProbe(0.05, 500, 1e-9).train(spark, table, "train"));
        assertTrue(strong < weak, strong + " nonzeros at l1 0.05 vs " + weak + " at 0.002");
    }

    private static long nonzeros(MllibProbe.Trained t) {
        return java.util.Arrays.stream(t.model().coefficientMatrix().toArray()).filter(v -> v != 0).count();
    }

    /** The objective both solvers minimise: mean cross-entropy + l1 |W|_1 (bias unpenalised). */
    private static double objective(double[][] w, double[] bias) {
        double loss = 0;
        double norm = 0;
        for (int i = 0; i < N; i++) {
            double[] z = logits(i, w, bias);
            double max = java.util.Arrays.stream(z).max().orElseThrow();
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            loss += max + Math.log(sum) - z[(int) features.labels()[i]];
        }
        for (double[] row : w) {
            for (double v : row) {
                norm += Math.abs(v);
            }
        }
        return loss / N + L1 * norm;
    }

    private static double accuracy(double[][] w, double[] bias) {
        int right = 0;
        for (int i = 0; i < N; i++) {
            double[] z = logits(i, w, bias);
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = z[c] > z[best] ? c : best;
            }
            right += best == features.labels()[i] ? 1 : 0;
        }
        return right / (double) N;
    }

    private static double[] logits(int i, double[][] w, double[] bias) {
        CsrMatrix x = features.features();
        double[] z = bias.clone();
        for (long p = x.indptr()[i]; p < x.indptr()[i + 1]; p++) {
            for (int c = 0; c < CLASSES; c++) {
                z[c] += x.data()[(int) p] * w[x.indices()[(int) p]][c];
            }
        }
        return z;
    }

    /** Softmax intercepts are defined up to a common shift; compare them centred. */
    private static double[] centredBias(double[] b) {
        double mean = java.util.Arrays.stream(b).average().orElse(0);
        return java.util.Arrays.stream(b).map(v -> v - mean).toArray();
    }

    private static FeatureSet syntheticFeatures(Random random) {
        double[][] truth = new double[K][CLASSES];
        for (int j = 0; j < 9; j++) {
            truth[j][j % CLASSES] = 4 + 2 * random.nextDouble();
        }
        CsrBuilder rows = new CsrBuilder(K);
        long[] labels = new long[N];
        for (int i = 0; i < N; i++) {
            java.util.TreeMap<Integer, Float> row = new java.util.TreeMap<>();
            while (row.size() < 5) {
                row.put(random.nextInt(K), (float) (0.5 * random.nextDouble()));
            }
            double[] z = new double[CLASSES];
            row.forEach((j, v) -> { for (int c = 0; c < CLASSES; c++) { z[c] += v * truth[j][c]; } });
            int label = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                double g = z[c] - Math.log(-Math.log(random.nextDouble())); // Gumbel-max sampling of the softmax
                if (g > best) { best = g; label = c; }
            }
            labels[i] = label;
            float[] data = new float[row.size()];
            int[] idx = row.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (int p = 0; p < idx.length; p++) {
                data[p] = row.get(idx[p]);
            }
            rows.append(new CsrMatrix(1, K, data, idx, new long[] {0, idx.length}));
        }
        List<String> concepts = new java.util.ArrayList<>();
        for (int j = 0; j < K; j++) {
            concepts.add("concept" + j);
        }
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "synthetic", "synthetic", K, 0.25,
                FeatureSetConverter.SOLVER, 1e-7, "none", "synthetic", "train", N, 5, 1, "2026-01-01T00:00:00Z",
                "0".repeat(64), "none", List.of());
        return new FeatureSet(rows.build(), labels, concepts, meta);
    }

    private static void runSklearn(double c) throws Exception {
        String script = String.join("\n",
                "import sys, numpy as np, scipy.sparse as sp",
                "from sklearn.linear_model import LogisticRegression",
                "d = sys.argv[1]",
                "X = sp.load_npz(d + '/set/train/features.npz').astype(np.float64); y = np.load(d + '/set/train/labels.npy')",
                "m = LogisticRegression(penalty='l1', solver='saga', C=float(sys.argv[2]), tol=1e-12, max_iter=200000).fit(X, y)",
                "np.save(d + '/sk_coef.npy', m.coef_.astype(np.float32)); np.save(d + '/sk_bias.npy', m.intercept_.astype(np.float32))",
                "open(d + '/sk_acc.txt', 'w').write(repr(m.score(X, y)))");
        Files.writeString(dir.resolve("sk.py"), script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("/usr/bin/python3", dir.resolve("sk.py").toString(), dir.toString(), Double.toString(c))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static boolean python(String imports) {
        try {
            return new ProcessBuilder("/usr/bin/python3", "-c", imports).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static double[][] readWeights(Path probe) throws IOException {
        float[][] w = Npy.readFloatMatrix(probe.resolve("weights.npy"));
        double[][] out = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            out[j] = toDouble(w[j]);
        }
        return out;
    }

    private static double[][] transpose(float[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
