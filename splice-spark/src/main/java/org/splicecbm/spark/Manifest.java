package org.splicecbm.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The job's input: a manifest table (CSV with a header, or Parquet) with columns {@code path} (image path or URI),
 * {@code label} (integer class index), optional {@code split} ({@code train|val|test}, default {@code train}) and
 * optional {@code id} (default: the path). Columns are checked on the driver before any image is read; a value
 * that breaks the rules fails the task that meets it, naming the manifest row.
 */
public final class Manifest {
    private static final Set<String> SPLITS = Set.of("train", "val", "test");
    private final Dataset<Row> table;
    private final String source;
    private final String base;

    private Manifest(Dataset<Row> table, String source, String base) {
        this.table = table;
        this.source = source;
        this.base = base;
    }

    /**
     * Relative image paths resolve against {@code folder} (a path or URI), as the single-machine manifest reader
     * resolves them against {@code dataset.root}; absolute paths and URIs are kept.
     */
    public Manifest relativeTo(String folder) {
        return new Manifest(table, source, folder);
    }

    /** Only the rows of {@code split} (numbered from 0 within it, like a per-split feature set). */
    public Manifest onlySplit(String split) {
        if (!List.of(table.columns()).contains(FeatureTable.SPLIT)) {
            return split.equals("train") ? this : new Manifest(table.limit(0), source, base);
        }
        return new Manifest(table.where(table.col(FeatureTable.SPLIT).equalTo(split)), source, base);
    }

    /** Reads {@code location}: Parquet when it ends in {@code .parquet} or is a Parquet folder, else CSV. */
    public static Manifest read(SparkSession spark, String location) {
        boolean parquet = location.endsWith(".parquet") || isParquetFolder(spark, location);
        Dataset<Row> table = parquet ? spark.read().parquet(location)
                : spark.read().option("header", "true").option("inferSchema", "false").csv(location);
        Manifest manifest = new Manifest(table, location, null);
        manifest.requireColumns();
        return manifest;
    }

    /** Whether the manifest (or this split of it) has no rows. */
    public boolean isEmpty() {
        return table.isEmpty();
    }

    /** Rows with their 0-based manifest position (Spark's file order, stable for a given input). */
    public JavaRDD<ManifestEntry> entries() {
        boolean hasSplit = List.of(table.columns()).contains(FeatureTable.SPLIT);
        boolean hasId = List.of(table.columns()).contains(FeatureTable.ID);
        String where = source;
        String root = base;
        return table.javaRDD().zipWithIndex().map(t -> entry(t._1(), t._2(), hasSplit, hasId, where, root));
    }

    private static ManifestEntry entry(Row r, long row, boolean hasSplit, boolean hasId, String source, String root) {
        String listed = r.getAs(FeatureTable.PATH) == null ? null : r.getAs(FeatureTable.PATH).toString();
        if (listed == null || listed.isBlank()) {
            throw new IllegalArgumentException("manifest " + source + ", row " + row + ": path is empty");
        }
        org.apache.hadoop.fs.Path asGiven = new org.apache.hadoop.fs.Path(listed);
        String path = root == null || asGiven.isAbsolute() || asGiven.toUri().getScheme() != null
                ? listed : new org.apache.hadoop.fs.Path(root, listed).toString();
        Object labelValue = r.getAs(FeatureTable.LABEL);
        long label;
        try {
            label = Long.parseLong(String.valueOf(labelValue).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("manifest " + source + ", row " + row + " (" + path + "): label must be an"
                    + " integer class index >= 0, found '" + labelValue + "'");
        }
        String split = hasSplit && r.getAs(FeatureTable.SPLIT) != null ? r.getAs(FeatureTable.SPLIT).toString().trim() : "train";
        if (label < 0 || !SPLITS.contains(split)) {
            throw new IllegalArgumentException("manifest " + source + ", row " + row + " (" + path + "): label must be >= 0"
                    + " and split one of train, val, test; found label " + label + ", split '" + split + "'");
        }
        Object id = hasId ? r.getAs(FeatureTable.ID) : null;
        return new ManifestEntry(row, id == null ? listed : id.toString(), path, label, split);
    }

    private void requireColumns() {
        List<String> missing = new ArrayList<>();
        for (String required : List.of(FeatureTable.PATH, FeatureTable.LABEL)) {
            if (!List.of(table.columns()).contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("manifest " + source + " lacks the column(s) " + missing + "; it has "
                    + List.of(table.columns()) + ". A manifest needs path and label, optionally split and id");
        }
        for (StructField f : table.schema().fields()) {
            if (f.name().equals(FeatureTable.LABEL) && !integral(f.dataType()) && f.dataType() != DataTypes.StringType) {
                throw new IllegalArgumentException("manifest " + source + ": column label must hold integer class indices,"
                        + " found type " + f.dataType().simpleString());
            }
        }
    }

    private static boolean integral(DataType t) {
        return t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.ShortType || t == DataTypes.ByteType;
    }

    private static boolean isParquetFolder(SparkSession spark, String location) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
            org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.getFileStatus(p).isDirectory()) {
                return false;
            }
            for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(p)) {
                if (s.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("manifest " + location + " cannot be read: " + e.getMessage()
                    + "; give an existing CSV or Parquet manifest", e);
        }
    }
}
