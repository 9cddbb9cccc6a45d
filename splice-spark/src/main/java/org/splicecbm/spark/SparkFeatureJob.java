package org.splicecbm.spark;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The SpLiCE feature stage (Bhalla et al., NeurIPS 2024) as a Spark job: manifest in, Parquet feature table out
 * ({@link FeatureTable}). The manifest is cut into shards of {@code shard_rows} rows; each shard is one task, and
 * shards are written in waves, each wave one Spark job committed by Spark's output committer with dynamic partition
 * overwrite (a {@code shard=K} folder appears only when its task committed, by rename). The table is built in the
 * sibling {@code <output>.partial} and renamed to {@code <output>} when every shard is there, so a failed run leaves
 * no table, and a rerun after a killed job skips the shards already committed. A killed task is simply retried by
 * Spark: a shard's rows depend only on its images, so the retry writes identical rows.
 */
public final class SparkFeatureJob {
    private SparkFeatureJob() {}

    /** What a run did. */
    public record Result(long rows, long skipped, int shards, int shardsReused, String table, Timings timings) {}

    /**
     * Seconds spent on the driver's preparation (manifest, dictionary, executor check), on the shard waves, and on
     * finishing (completion marker, rename, counting skipped rows).
     */
    public record Timings(double prepareSeconds, double wavesSeconds, double finishSeconds) {}

    /** Runs the job on the manifest file at {@code manifestLocation}; returns once {@code output} holds the complete table. */
    public static Result run(SparkSession spark, String manifestLocation, String output, SpliceSettings settings)
            throws IOException {
        return run(spark, Manifest.read(spark, manifestLocation), output, settings);
    }

    /** Runs the job on {@code manifest} (e.g. one split of it); returns once {@code output} holds the complete table. */
    public static Result run(SparkSession spark, Manifest manifest, String output, SpliceSettings settings) throws IOException {
        return run(spark, manifest, output, SpliceBundle.prepare(settings));
    }

    /** Runs the job with a prepared dictionary and image mean (one bundle serves every split of a config). */
    public static Result run(SparkSession spark, Manifest manifest, String output, SpliceBundle bundle) throws IOException {
        long started = System.nanoTime();
        SpliceSettings settings = bundle.settings();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path table = new Path(output);
        FileSystem fs = table.getFileSystem(conf);
        TableInfo info = new TableInfo(TableInfo.FORMAT_VERSION, settings, bundle.provenance(), versions(spark),
                bundle.concepts(), Instant.now().toString());
        if (fs.exists(table)) {
            return existing(spark, table, info, conf);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SpliceBundle> shared = jsc.broadcast(bundle);
        ExecutorCheck.requireBackboneLoads(jsc, shared);
        Path partial = new Path(output + ".partial");
        Set<Integer> committed = preparePartial(fs, partial, info, conf);
        JavaRDD<ManifestEntry> entries = manifest.entries().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rows = entries.count();
            int shards = Math.toIntExact((rows + settings.shardRows() - 1) / settings.shardRows());
            List<Integer> pending = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                if (!committed.contains(s)) {
                    pending.add(s);
                }
            }
            StructType schema = FeatureTable.schema(settings.keepEmbedding(), info.provenanceOnly().toJson());
            int wave = Math.max(1, 4 * jsc.defaultParallelism());
            long wavesStarted = System.nanoTime();
            for (int from = 0; from < pending.size(); from += wave) {
                try {
                    writeWave(spark, entries, pending.subList(from, Math.min(pending.size(), from + wave)), shared, schema, partial);
                } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
                    throw new IllegalStateException(ExecutorCheck.rootMessage(e) + " (no table was written at " + output
                            + "; shards already committed in " + partial + " are reused by a rerun)", e);
                }
            }
            long wavesEnded = System.nanoTime();
            // dynamic partition overwrite moves shard folders only, so completion is marked here
            fs.create(new Path(partial, "_SUCCESS"), true).close();
            if (!fs.rename(partial, table)) {
                throw new IOException("could not rename " + partial + " to " + table);
            }
            // the schema is known: reading with it skips Spark's footer sampling, and only the skipped column is read
            long skipped = spark.read().schema(schema).parquet(output).where(FeatureTable.SKIPPED + " is not null").count();
            return new Result(rows, skipped, shards, shards - pending.size(), output,
                    new Timings((wavesStarted - started) / 1e9, (wavesEnded - wavesStarted) / 1e9, (System.nanoTime() - wavesEnded) / 1e9));
        } finally {
            // non-blocking: destroy() waits for every executor to drop the copy; Spark's cleaner frees the driver's
            entries.unpersist(false);
            shared.unpersist(false);
        }
    }

    private static void writeWave(SparkSession spark, JavaRDD<ManifestEntry> entries, List<Integer> shards,
                                  Broadcast<SpliceBundle> shared, StructType schema, Path partial) {
        int shardRows = shared.value().settings().shardRows();
        Set<Integer> wanted = new TreeSet<>(shards);
        ShardPartitioner partitioner = new ShardPartitioner(shards);
        JavaRDD<Row> rows = entries.filter(e -> wanted.contains(e.shard(shardRows)))
                .keyBy(e -> e.shard(shardRows))
                .partitionBy(partitioner)
                .mapPartitions(new ShardFeaturizer(shared));
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite)
                .option("partitionOverwriteMode", "dynamic")
                .partitionBy(FeatureTable.SHARD)
                .parquet(partial.toString());
    }

    /** Creates or checks {@code <output>.partial}; returns the shards it already holds. */
    private static Set<Integer> preparePartial(FileSystem fs, Path partial, TableInfo info, Configuration conf) throws IOException {
        Set<Integer> committed = new TreeSet<>();
        if (!fs.exists(partial)) {
            fs.mkdirs(partial);
            info.write(partial, conf);
            return committed;
        }
        TableInfo before = TableInfo.read(partial, conf);
        if (!before.sameContent(info)) {
            throw new IllegalArgumentException(partial + " holds an interrupted run with other settings or inputs ("
                    + before.provenanceOnly().toJson() + "); delete it to start over, or rerun with the same settings");
        }
        for (FileStatus s : fs.listStatus(partial)) {
            String name = s.getPath().getName();
            if (name.startsWith(".spark-staging")) {
                fs.delete(s.getPath(), true); // a killed job's uncommitted task output
            } else if (s.isDirectory() && name.startsWith(FeatureTable.SHARD + "=")) {
                committed.add(Integer.parseInt(name.substring(FeatureTable.SHARD.length() + 1)));
            }
        }
        return committed;
    }

    private static Result existing(SparkSession spark, Path table, TableInfo info, Configuration conf) throws IOException {
        TableInfo before = TableInfo.read(table, conf);
        if (!before.sameContent(info)) {
            throw new IllegalArgumentException("output " + table + " already holds a feature table of other settings or"
                    + " inputs; choose another output folder or delete it");
        }
        long rows = spark.read().parquet(table.toString()).count();
        return new Result(rows, 0, 0, 0, table.toString(), new Timings(0, 0, 0));
    }

    private static Map<String, String> versions(SparkSession spark) {
        String ours = SparkFeatureJob.class.getPackage().getImplementationVersion();
        return Map.of("splice_cbm", ours == null ? "dev" : ours, "spark", spark.version(),
                "java", System.getProperty("java.version"));
    }
}
