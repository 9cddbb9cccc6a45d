package org.splicecbm.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of splice-spark ({@code ./splice-spark} or {@code spark-submit --class org.splicecbm.spark.SparkCli}):
 * {@code features} (manifest or config -> Parquet), {@code convert} (Parquet <-> feature sets) and {@code probe}
 * (MLlib L1 probe -> probe folder). Only parses arguments and calls the library.
 */
@Command(name = "splice-spark", mixinStandardHelpOptions = true,
        subcommands = {SparkCli.Features.class, SparkCli.Convert.class, SparkCli.Probe.class},
        description = "SpLiCE feature extraction and the L1 probe on Apache Spark.")
public final class SparkCli {
    public static void main(String[] args) {
        // bad input is reported as its message (what must hold, what was found, how to fix), not as a stack trace
        System.exit(new CommandLine(new SparkCli()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("splice-spark: " + e.getMessage());
            return 2;
        }).execute(args));
    }

    /** Where Spark runs: spark-submit's --master when set, else this option (default local[*]). */
    static class Master {
        @Option(names = "--master", description = "Spark master (ignored when spark-submit sets one); default local[*]")
        String master;

        SparkSession session(String app) {
            SparkSession.Builder b = SparkSession.builder().appName(app);
            if (System.getProperty("spark.master") == null) {
                b = b.master(master == null ? "local[*]" : master);
            }
            return b.getOrCreate();
        }
    }

    @Command(name = "features", description = "Manifest (CSV/Parquet: path,label[,split][,id]) -> Parquet feature table.")
    static final class Features implements Callable<Integer> {
        @CommandLine.Mixin Master master = new Master();
        @Option(names = "--config", description = "a splice config (dataset.kind: csv); tables go to <output>/parquet/") Path config;
        @Option(names = "--manifest") String manifest;
        @Option(names = "--output", description = "table folder (with --manifest)") String output;
        @Option(names = "--backbone") String backbone;
        @Option(names = "--vocab", defaultValue = "laion") String vocabulary;
        @Option(names = "--vocab-size", defaultValue = "10000") int size;
        @Option(names = "--image-mean", defaultValue = "published") String imageMean;
        @Option(names = "--l1", defaultValue = "0.25") double l1;
        @Option(names = "--batch-size", defaultValue = "32") int batchSize;
        @Option(names = "--shard-rows", defaultValue = "1024") int shardRows;
        @Option(names = "--on-bad-image", defaultValue = "fail", description = "fail | skip") String onBadImage;
        @Option(names = "--keep-embedding") boolean keepEmbedding;
        @Option(names = "--device", defaultValue = "cpu") String device;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = master.session("splice-features")) {
                if (config != null) {
                    for (SparkFeatureJob.Result r : ConfigFeatures.run(spark, config)) {
                        System.out.println(r);
                    }
                    return 0;
                }
                if (manifest == null || output == null || backbone == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "give --config FILE, or --manifest, --output and --backbone");
                }
                SpliceSettings settings = SpliceSettings.builder().backbone(backbone).vocabulary(vocabulary, size)
                        .imageMean(imageMean).l1(l1).batchSize(batchSize).shardRows(shardRows)
                        .skipBadImages(onBadImage.equals("skip")).keepEmbedding(keepEmbedding).device(device).build();
                System.out.println(SparkFeatureJob.run(spark, manifest, output, settings));
                return 0;
            }
        }
    }

    @Command(name = "convert", description = "Parquet feature table <-> feature sets (direction from what --from holds).")
    static final class Convert implements Callable<Integer> {
        @CommandLine.Mixin Master master = new Master();
        @Option(names = "--from", required = true) Path from;
        @Option(names = "--to", required = true) Path to;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = master.session("splice-convert")) {
                List<Path> written = FeatureSetConverter.convert(spark, from, to);
                written.forEach(p -> System.out.println("wrote " + p));
                return 0;
            }
        }
    }

    @Command(name = "probe", description = "MLlib multinomial L1 logistic regression on a feature table -> probe folder.")
    static final class Probe implements Callable<Integer> {
        @CommandLine.Mixin Master master = new Master();
        @Option(names = "--table", required = true) Path table;
        @Option(names = "--split", defaultValue = "train") String split;
        @Option(names = "--l1", required = true, description = "probe.l1 (= MLlib regParam; scikit-learn C = 1/(l1 n))") double l1;
        @Option(names = "--max-iter", defaultValue = "500") int maxIter;
        @Option(names = "--tol", defaultValue = "1e-9") double tol;
        @Option(names = "--out", required = true) Path out;

        @Override
        public Integer call() throws Exception {
            try (SparkSession spark = master.session("splice-probe")) {
                MllibProbe probe = new MllibProbe(l1, maxIter, tol);
                MllibProbe.Trained trained = probe.train(spark, table, split);
                ProbeExport.write(probe, trained, out);
                System.out.println("trained on " + trained.examples() + " rows in " + trained.iterations()
                        + " iterations; wrote " + out);
                return 0;
            }
        }
    }
}
