package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the Spark feature job in local[2]: a manifest without the label column and an image that cannot be
 * read fail with a message naming the culprit and leave no table; under on_bad_image: skip the image is recorded in
 * the skipped column and the other rows are decomposed. (A backbone the executors cannot load: ClusterFaultTest.)
 */
class BadInputTest {
    static SparkSession spark;
    @TempDir static Path dir;
    static TinyImages images;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("splice.noProgress", "true");
        spark = LocalSpark.start("local[2]");
        images = new TinyImages(dir.resolve("in"), 6, 9);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aManifestWithoutLabelsFailsBeforeAnyWork() throws IOException {
        Path manifest = dir.resolve("no-label.csv");
        Files.writeString(manifest, "path,split\n" + images.files.get(0) + ",train\n");
        String table = dir.resolve("t1").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkFeatureJob.run(spark, manifest.toString(), table, images.settings().build()));
        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("[label]"), e.getMessage());
        assertFalse(Files.exists(Path.of(table)));
        assertFalse(Files.exists(Path.of(table + ".partial")), "validated before anything was written");
    }

    @Test
    void anUnreadableImageFailsNamingTheFileAndLeavesNoTable() throws IOException {
        Path missing = dir.resolve("in/img/gone.png");
        Path manifest = withExtraRow("unreadable.csv", missing.toString());
        String table = dir.resolve("t2").toString();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkFeatureJob.run(spark, manifest.toString(), table, images.settings().build()));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("on_bad_image"), e.getMessage());
        assertFalse(Files.exists(Path.of(table)), "no table");
        try (var files = Files.walk(Path.of(table + ".partial"))) {
            List<Path> shards = files.filter(f -> f.getFileName().toString().startsWith("shard=")).toList();
            assertTrue(shards.isEmpty(), "the failed wave committed nothing: " + shards);
        }
    }

    @Test
    void underSkipACorruptImageIsRecordedAndTheOthersAreKept() throws IOException {
        Path corrupt = dir.resolve("in/img/corrupt.png");
        Files.write(corrupt, new byte[] {1, 2, 3, 4});
        Path manifest = withExtraRow("corrupt.csv", corrupt.toString());
        String table = dir.resolve("t3").toString();
        SparkFeatureJob.Result r = SparkFeatureJob.run(spark, manifest.toString(), table,
                images.settings().skipBadImages(true).build());
        assertEquals(7, r.rows());
        assertEquals(1, r.skipped());
        List<Row> skipped = spark.read().parquet(table).where("skipped is not null").collectAsList();
        assertEquals(corrupt.toString(), skipped.get(0).getAs(FeatureTable.PATH));
        assertEquals(0, skipped.get(0).<Integer>getAs(FeatureTable.L0));
        assertEquals(6, spark.read().parquet(table).where("skipped is null and l0 > 0").count());
    }

    private static Path withExtraRow(String name, String path) throws IOException {
        Path manifest = dir.resolve(name);
        Files.writeString(manifest, Files.readString(images.manifest) + "bad," + path + ",0,train\n");
        return manifest;
    }
}
