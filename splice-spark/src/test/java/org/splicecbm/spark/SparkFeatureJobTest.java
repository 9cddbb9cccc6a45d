package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.FeatureSet;

/**
 * The Spark feature job in local[2] on the tiny CLIP fixture against the single-machine feature stage on the same
 * images and settings: same rows in manifest order, bit-identical concept weights (shards and batches aligned), the
 * documented schema in Spark SQL, provenance in the footer and in _splice.json, and a rerun that reuses the table.
 */
class SparkFeatureJobTest {
    static SparkSession spark;
    @TempDir static Path dir;
    static TinyImages images;
    static SparkFeatureJob.Result result;
    static String table;

    @BeforeAll
    static void run() throws IOException {
        System.setProperty("splice.noProgress", "true");
        spark = LocalSpark.start("local[2]");
        images = new TinyImages(dir.resolve("in"), 10, 7);
        table = dir.resolve("features").toString();
        result = SparkFeatureJob.run(spark, images.manifest.toString(), table, images.settings().build());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void weightsEqualTheSingleMachineFeatureStageBitForBit() throws IOException {
        FeatureSet single = SingleMachine.features(images, images.settings().build(), dir.resolve("single"));
        List<Row> rows = spark.read().parquet(table).orderBy(FeatureTable.ROW).collectAsList();
        assertEquals(10, result.rows());
        assertEquals(3, result.shards(), "10 rows in shards of 4");
        SingleMachine.assertSameRows(single, rows);
    }

    @Test
    void readsBackInSparkSqlWithTheDocumentedSchemaAndProvenance() throws IOException {
        spark.read().parquet(table).createOrReplaceTempView("features");
        StructType schema = spark.sql("select * from features").schema();
        assertEquals(List.of("row", "id", "path", "label", "split", "concept_indices", "concept_weights", "l0", "cosine",
                "skipped", "shard"), List.of(schema.fieldNames()));
        // Spark reads every Parquet column back as nullable, so the element types are what is checked
        assertEquals(DataTypes.IntegerType, ((ArrayType) schema.apply("concept_indices").dataType()).elementType());
        assertEquals(DataTypes.FloatType, ((ArrayType) schema.apply("concept_weights").dataType()).elementType());
        assertEquals(DataTypes.LongType, schema.apply("label").dataType());
        assertEquals(DataTypes.FloatType, schema.apply("cosine").dataType());
        Row stats = spark.sql("select count(*), sum(l0), min(cosine), count(skipped) from features").first();
        assertEquals(10L, stats.getLong(0));
        assertTrue(stats.getLong(1) > 0 && stats.getFloat(2) > 0, stats.toString());
        assertEquals(0L, stats.getLong(3));
        String footer = schema.apply("concept_weights").metadata().getString(FeatureTable.PROVENANCE_KEY);
        TableInfo info = TableInfo.read(new org.apache.hadoop.fs.Path(table), spark.sparkContext().hadoopConfiguration());
        assertEquals(info.provenanceOnly().toJson(), footer);
        assertEquals(10, info.concepts().size());
        assertEquals(List.of("bird", "tree", "car"), info.concepts().subList(0, 3), "the last k lines of the vocabulary");
        assertTrue(info.provenance().dictionarySha256().matches("[0-9a-f]{64}"), info.provenance().toString());
        assertTrue(Files.exists(Path.of(table, "_SUCCESS")));
        assertFalse(Files.exists(Path.of(table + ".partial")), "the work folder became the table");
    }

    @Test
    void rerunWithTheSameSettingsReusesTheTableAndOtherSettingsAreRefused() throws IOException {
        SparkFeatureJob.Result again = SparkFeatureJob.run(spark, images.manifest.toString(), table, images.settings().build());
        assertEquals(10, again.rows());
        assertEquals(0, again.shards(), "nothing recomputed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkFeatureJob.run(spark,
                images.manifest.toString(), table, images.settings().l1(0.2).build()));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void convertsToTheSingleMachineFeatureSetAndBackExactly() throws IOException {
        FeatureSet single = SingleMachine.features(images, images.settings().build(), dir.resolve("single-convert"));
        List<Path> sets = FeatureSetConverter.convert(spark, Path.of(table), dir.resolve("sets"));
        assertEquals(List.of(dir.resolve("sets/train")), sets);
        FeatureSet converted = FeatureSet.read(sets.get(0));
        SingleMachine.assertSameCsr(single.features(), converted.features());
        assertArrayEquals(single.labels(), converted.labels());
        assertEquals(single.concepts(), converted.concepts());
        assertEquals(single.meta().dictionarySha256(), converted.meta().dictionarySha256());
        assertEquals(single.meta().meanL0(), converted.meta().meanL0(), 1e-12);
        assertEquals(single.meta().meanCosine(), converted.meta().meanCosine(), 1e-6, "float32 cosines averaged");
        assertEquals(single.meta().l1Penalty(), converted.meta().l1Penalty());

        Path back = dir.resolve("table-again");
        FeatureSetConverter.convert(spark, dir.resolve("sets"), back);
        List<Path> again = FeatureSetConverter.convert(spark, back, dir.resolve("sets-again"));
        SingleMachine.assertSameCsr(converted.features(), FeatureSet.read(again.get(0)).features());
        assertArrayEquals(converted.labels(), FeatureSet.read(again.get(0)).labels());
    }
}
