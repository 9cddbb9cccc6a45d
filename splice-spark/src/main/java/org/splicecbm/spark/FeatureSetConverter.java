package org.splicecbm.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.store.SkippedImage;

/**
 * Converts between a Parquet feature table ({@link FeatureTable}) and the project's feature sets (SciPy CSR
 * {@code features.npz}, {@code labels.npy}, {@code concepts.txt}, {@code meta.json}; {@link FeatureSet}), the
 * direction chosen by what {@code from} holds: a table ({@code _splice.json}) becomes one feature set per split in
 * {@code to/<split>}; a feature set (or a folder of split feature sets) becomes one table. Rows keep their order;
 * weights are copied as float32, so a round trip is exact. Tables are collected on the driver: for tables that fit
 * one machine (the probe at scale reads the table directly, {@link MllibProbe}).
 */
public final class FeatureSetConverter {
    /** Name of the solver recorded in feature sets made from Spark tables (the same solver as one machine). */
    public static final String SOLVER = "splice-cbm working-set nonnegative lasso (duality gap)";
    /** Rows per shard of a converted table: a few files per million rows, so Spark reads it in parallel. */
    private static final int SHARD_ROWS = 16_384;

    private FeatureSetConverter() {}

    /** Converts in the direction {@code from}'s contents call for; returns the folders written. */
    public static List<Path> convert(SparkSession spark, Path from, Path to) throws IOException {
        if (Files.exists(from.resolve(TableInfo.FILE))) {
            return toFeatureSets(spark, from, to);
        }
        List<Path> sets = featureSetsIn(from);
        if (sets.isEmpty()) {
            throw new IllegalArgumentException(from + " holds neither a Parquet feature table (" + TableInfo.FILE + ") nor"
                    + " feature sets (" + FeatureSet.META + " + " + FeatureSet.FEATURES + ", directly or in split folders)");
        }
        toTable(spark, sets, to);
        return List.of(to);
    }

    /** One feature set per split of the table, in {@code to/<split>}. */
    public static List<Path> toFeatureSets(SparkSession spark, Path table, Path to) throws IOException {
        if (!Files.exists(table.resolve("_SUCCESS"))) {
            throw new IllegalArgumentException(table + " is not a complete feature table (no _SUCCESS); rerun the"
                    + " `features` job that writes it");
        }
        TableInfo info = TableInfo.read(new org.apache.hadoop.fs.Path(table.toString()), spark.sparkContext().hadoopConfiguration());
        List<Row> rows = spark.read().parquet(table.toString()).orderBy(FeatureTable.ROW).collectAsList();
        Map<String, List<Row>> bySplit = new TreeMap<>();
        for (Row r : rows) {
            bySplit.computeIfAbsent(r.getAs(FeatureTable.SPLIT), s -> new ArrayList<>()).add(r);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Row>> split : bySplit.entrySet()) {
            Path dir = to.resolve(split.getKey());
            featureSet(info, table.getFileName().toString(), split.getKey(), split.getValue()).write(dir);
            written.add(dir);
        }
        return written;
    }

    private static FeatureSet featureSet(TableInfo info, String dataset, String split, List<Row> rows) {
        int k = info.concepts().size();
        CsrBuilder weights = new CsrBuilder(k);
        List<Long> labels = new ArrayList<>();
        List<SkippedImage> skipped = new ArrayList<>();
        double l0 = 0;
        double cosine = 0;
        long cosineRows = 0;
        for (Row r : rows) {
            String reason = r.getAs(FeatureTable.SKIPPED);
            if (reason != null) {
                skipped.add(new SkippedImage(r.getAs(FeatureTable.ID), r.getAs(FeatureTable.PATH), reason));
                continue;
            }
            List<Integer> idx = r.getList(r.fieldIndex(FeatureTable.INDICES));
            List<Float> w = r.getList(r.fieldIndex(FeatureTable.WEIGHTS));
            weights.append(new CsrMatrix(1, k, toFloats(w), idx.stream().mapToInt(Integer::intValue).toArray(),
                    new long[] {0, idx.size()}));
            labels.add(r.<Long>getAs(FeatureTable.LABEL));
            l0 += idx.size();
            float c = r.<Float>getAs(FeatureTable.COSINE);
            if (!Float.isNaN(c)) {
                cosine += c;
                cosineRows++;
            }
        }
        int n = weights.rows();
        SpliceSettings s = info.settings();
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, info.provenance().backbone(),
                info.provenance().vocabulary(), k, s.l1(), SOLVER, s.tolerance(), info.provenance().imageMeanSource(),
                dataset, split, n, n == 0 ? 0 : l0 / n, cosineRows == 0 ? 0 : cosine / cosineRows,
                info.createdAt(), info.provenance().dictionarySha256(), "spark-table:" + dataset, skipped);
        return new FeatureSet(weights.build(), labels.stream().mapToLong(Long::longValue).toArray(), info.concepts(), meta);
    }

    /** Writes feature sets (one per split, same concepts and settings) as one complete table at {@code to}. */
    public static void toTable(SparkSession spark, List<Path> featureSets, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new IllegalArgumentException("--to " + to + " exists; give a new folder for the table");
        }
        List<Row> rows = new ArrayList<>();
        TableInfo info = null;
        long row = 0;
        for (Path dir : featureSets) {
            FeatureSet fs = FeatureSet.read(dir);
            TableInfo here = infoOf(fs);
            if (info != null && !info.sameContent(here)) {
                throw new IllegalArgumentException(dir + " has other concepts or settings than " + featureSets.get(0)
                        + "; convert feature sets of one extraction together");
            }
            info = info == null ? here : info;
            CsrMatrix w = fs.features();
            for (int i = 0; i < w.rows(); i++, row++) {
                int from = Math.toIntExact(w.indptr()[i]);
                int end = Math.toIntExact(w.indptr()[i + 1]);
                rows.add(org.apache.spark.sql.RowFactory.create(row, fs.meta().split() + "/" + i, dir.toString(),
                        fs.labels()[i], fs.meta().split(), FeatureTable.arrayValue(java.util.Arrays.copyOfRange(w.indices(), from, end)),
                        FeatureTable.arrayValue(java.util.Arrays.copyOfRange(w.data(), from, end)), end - from, Float.NaN, null,
                        Math.toIntExact(row / SHARD_ROWS)));
            }
        }
        StructType schema = FeatureTable.schema(false, info.provenanceOnly().toJson());
        Path partial = Path.of(to + ".partial");
        spark.createDataFrame(rows, schema).repartition(org.apache.spark.sql.functions.col(FeatureTable.SHARD)).write().mode(SaveMode.Overwrite)
                .partitionBy(FeatureTable.SHARD).parquet(partial.toString());
        info.write(new org.apache.hadoop.fs.Path(partial.toString()), spark.sparkContext().hadoopConfiguration());
        Files.move(partial, to);
    }

    private static TableInfo infoOf(FeatureSet fs) {
        FeatureSetMeta m = fs.meta();
        SpliceSettings settings = SpliceSettings.builder().backbone(m.backbone()).vocabulary(m.vocabulary(), m.vocabularySize())
                .imageMean(m.imageMeanSource()).l1(m.l1Penalty()).tolerance(m.tolerance()).batchSize(1).shardRows(1).build();
        SpliceBundle.Provenance provenance = new SpliceBundle.Provenance(m.backbone(), m.backbone(), 0, m.vocabulary(),
                m.vocabularySize(), m.dictionarySha256(), m.imageMeanSource());
        return new TableInfo(TableInfo.FORMAT_VERSION, settings, provenance, Map.of("converted_from", "feature-set"),
                fs.concepts(), Instant.now().toString());
    }

    private static List<Path> featureSetsIn(Path from) throws IOException {
        if (Files.exists(from.resolve(FeatureSet.META))) {
            return List.of(from);
        }
        List<Path> sets = new ArrayList<>();
        if (Files.isDirectory(from)) {
            try (var children = Files.list(from)) {
                for (Path c : children.sorted().toList()) {
                    if (Files.exists(c.resolve(FeatureSet.META))) {
                        sets.add(c);
                    }
                }
            }
        }
        return sets;
    }

    private static float[] toFloats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

}
