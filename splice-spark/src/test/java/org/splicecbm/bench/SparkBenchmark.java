package org.splicecbm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.SparkSession;
import org.splicecbm.spark.FeatureSetConverter;
import org.splicecbm.spark.MllibProbe;
import org.splicecbm.spark.SingleMachine;
import org.splicecbm.spark.SparkFeatureJob;
import org.splicecbm.spark.SpliceSettings;
import org.splicecbm.spark.TinyImages;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.testing.SyntheticConceptRows;

/**
 * Numbers for benchmarks/scale-out.md, measured in one run so that ratios hold on a loaded machine:
 * (1) images/s of the Spark feature job in local[2] against the single-machine feature stage on the same 256 images
 * (tiny CLIP fixture: the forward pass is nearly free, so the gap is Spark's overhead per image and per job);
 * (2) the MLlib L1 probe on the 50,000 x 10,000 synthetic features of bottleneck-train's ProbeBenchmark (same
 * generator and seeds), with Parquet bytes per row. Arguments: {@code [features] [probe MAX_ITER]}.
 */
public final class SparkBenchmark {
    public static void main(String[] args) throws Exception {
        System.setProperty("splice.noProgress", "true");
        List<String> plan = List.of(args.length > 0 ? args : "features probe 100".split(" "));
        Path dir = Files.createTempDirectory("spark-bench");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("splice-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            if (plan.contains("features")) {
                features(spark, dir);
            }
            int p = plan.indexOf("probe");
            if (p >= 0) {
                probe(spark, dir, Integer.parseInt(plan.get(p + 1)));
            }
        } finally {
            spark.stop();
        }
    }

    private static void features(SparkSession spark, Path dir) throws IOException {
        TinyImages images = new TinyImages(dir.resolve("images"), 256, 1, 160, 320);
        SpliceSettings settings = images.settings().batchSize(32).shardRows(64).build();
        SingleMachine.features(images, settings, dir.resolve("warmup"), 0); // dictionary cache, JIT, natives
        TinyImages few = new TinyImages(dir.resolve("few"), 8, 2, 160, 320); // Spark SQL's first-job costs
        SparkFeatureJob.run(spark, few.manifest.toString(), dir.resolve("warmup-table").toString(), settings);
        long t0 = System.nanoTime();
        SingleMachine.features(images, settings, dir.resolve("single"), 0);
        double single = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SparkFeatureJob.Result r = SparkFeatureJob.run(spark, images.manifest.toString(), dir.resolve("table").toString(), settings);
        double onSpark = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SingleMachine.features(images, settings, dir.resolve("single-again"), 0);
        System.out.printf("  (single machine again after the Spark run: %.2f s; the load of the shared machine varies)%n",
                (System.nanoTime() - t0) / 1e9);
        System.out.printf("features, 256 images (160-320 px PNG), tiny CLIP, k = 10, batch 32:%n"
                + "  single machine: %.2f s = %.1f images/s%n  Spark local[2] (%d shards of 64): %.2f s = %.1f images/s;"
                + " ratio %.2f; overhead %.1f ms/image%n  of which driver preparation (manifest, dictionary, executor check)"
                + " %.2f s, shard waves %.2f s = %.1f images/s, finishing %.2f s%n", single, 256 / single, r.shards(), onSpark, 256 / onSpark,
                onSpark / single, 1000 * (onSpark - single) / 256, r.timings().prepareSeconds(), r.timings().wavesSeconds(),
                256 / r.timings().wavesSeconds(), r.timings().finishSeconds());
    }

    private static void probe(SparkSession spark, Path dir, int maxIter) throws IOException {
        write(sample(50_000, 1), "train", dir.resolve("sets/train"));
        write(sample(10_000, 2), "test", dir.resolve("sets/test"));
        Path table = dir.resolve("probe-table");
        FeatureSetConverter.convert(spark, dir.resolve("sets"), table);
        long bytes;
        try (Stream<Path> files = Files.walk(table)) {
            bytes = files.filter(f -> f.getFileName().toString().startsWith("part-")).mapToLong(f -> f.toFile().length()).sum();
        }
        FeatureSet test = FeatureSet.read(dir.resolve("sets/test"));
        MllibProbe probe = new MllibProbe(1e-4, maxIter, 1e-6);
        long t0 = System.nanoTime();
        MllibProbe.Trained trained = probe.train(spark, table, "train");
        double seconds = (System.nanoTime() - t0) / 1e9;
        long nonzeros = Arrays.stream(trained.model().coefficientMatrix().toArray()).filter(v -> v != 0).count();
        System.out.printf("MLlib probe, 50,000 x 10,000 (%.1f nnz/row), 10 classes, l1 1e-4 (C = %.3g), local[2]:"
                + " %.1f s, %d iterations (%.2f s/iteration), %d nonzeros, test accuracy %.4f%n",
                FeatureSet.read(dir.resolve("sets/train")).features().nnz() / 50_000.0, 1 / (1e-4 * 50_000), seconds,
                trained.iterations(), seconds / trained.iterations(), nonzeros, accuracy(trained, test));
        System.out.printf("Parquet table (snappy, no embedding column): %.1f bytes/row over 60,000 rows%n", bytes / 60_000.0);
    }

    private static double accuracy(MllibProbe.Trained trained, FeatureSet test) {
        Matrix w = trained.model().coefficientMatrix();
        double[] b = trained.model().interceptVector().toArray();
        CsrMatrix x = test.features();
        int right = 0;
        for (int i = 0; i < x.rows(); i++) {
            double[] z = b.clone();
            for (long p = x.indptr()[i]; p < x.indptr()[i + 1]; p++) {
                for (int c = 0; c < z.length; c++) {
                    z[c] += x.data()[(int) p] * w.apply(c, x.indices()[(int) p]);
                }
            }
            int best = 0;
            for (int c = 1; c < z.length; c++) {
                best = z[c] > z[best] ? c : best;
            }
            right += best == test.labels()[i] ? 1 : 0;
        }
        return right / (double) x.rows();
    }

    private static void write(SyntheticConceptRows.Sample data, String split, Path dir) throws IOException {
        List<String> concepts = new ArrayList<>();
        for (int j = 0; j < 10_000; j++) {
            concepts.add("concept " + j);
        }
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "bench:synthetic", "synthetic", 10_000, 0.25,
                "synthetic", 1e-7, "none", "synthetic", split, data.x().rows(), 0, 0, "2026-01-01T00:00:00Z", "", "none", List.of());
        new FeatureSet(data.x(), data.labelsAsLong(), concepts, meta).write(dir);
    }

    /** The same rows as bottleneck-train's probe benchmarks ({@link SyntheticConceptRows#benchmark()}). */
    private static SyntheticConceptRows.Sample sample(int rows, long seed) {
        return SyntheticConceptRows.benchmark().sample(rows, seed);
    }

}
