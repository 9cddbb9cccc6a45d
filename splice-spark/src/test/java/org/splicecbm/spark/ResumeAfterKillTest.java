package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.FeatureSet;

/**
 * The whole job killed: `splice-spark features` runs in a child JVM (local[2]) and gets SIGKILL after its first wave
 * of shards was committed; the rerun keeps those shard files untouched, computes only the rest, and the table has
 * one file per shard and is bit-identical to the single-machine feature stage.
 */
@Tag("heavy")
class ResumeAfterKillTest {
    @TempDir Path dir;

    @Test
    void aRerunAfterTheJobWasKilledSkipsCommittedShards() throws Exception {
        System.setProperty("splice.noProgress", "true");
        TinyImages images = new TinyImages(dir.resolve("in"), 40, 21, 500, 800);
        SpliceSettings settings = images.settings().shardRows(2).build(); // 20 shards: 3 waves of 8 in local[2]
        Path table = dir.resolve("features");
        Path partial = Path.of(table + ".partial");
        Process child = startCli(images, settings, table);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (child.isAlive() && committedShards(partial).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child ended before a wave was committed: "
                + new String(child.getInputStream().readAllBytes()));
        child.destroyForcibly().waitFor();
        Map<String, FileTime> before = committedShards(partial);
        assertFalse(before.isEmpty());
        assertFalse(Files.exists(table), "a killed job leaves no table");
        SparkSession spark = LocalSpark.start("local[2]");
        try {
            SparkFeatureJob.Result result = SparkFeatureJob.run(spark, images.manifest.toString(), table.toString(), settings);
            assertEquals(20, result.shards());
            assertEquals(before.size(), result.shardsReused(), "every committed shard was reused");
            Map<String, FileTime> after = committedShards(table);
            for (Map.Entry<String, FileTime> e : before.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), "shard file rewritten: " + e.getKey());
            }
            assertEquals(20, after.size(), "one file per shard, no duplicates");
            FeatureSet single = SingleMachine.features(images, settings, dir.resolve("single"));
            SingleMachine.assertSameRows(single, spark.read().parquet(table.toString()).orderBy(FeatureTable.ROW).collectAsList());
        } finally {
            spark.stop();
        }
    }

    /** Shard folder -> modification time of its part file (the committed ones only). */
    private static Map<String, FileTime> committedShards(Path tableDir) throws IOException {
        Map<String, FileTime> shards = new TreeMap<>();
        if (!Files.isDirectory(tableDir)) {
            return shards;
        }
        try (Stream<Path> dirs = Files.list(tableDir)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("shard=")).toList()) {
                try (Stream<Path> files = Files.list(d)) {
                    List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
                    assertEquals(1, parts.size(), d + " holds " + parts);
                    shards.put(d.getFileName() + "/" + parts.get(0).getFileName(), Files.getLastModifiedTime(parts.get(0)));
                }
            }
        } catch (java.nio.file.NoSuchFileException racing) {
            return Map.of(); // the partial folder is being renamed
        }
        return shards;
    }

    private static Process startCli(TinyImages images, SpliceSettings s, Path table) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add") || a.startsWith("-D") || a.startsWith("-XX:+Ignore")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkCli.class.getName(), "features",
                "--master", "local[2]", "--manifest", images.manifest.toString(), "--output", table.toString(),
                "--backbone", s.backbone(), "--vocab", s.vocabulary(), "--vocab-size", Integer.toString(s.vocabularySize()),
                "--image-mean", s.imageMean(), "--l1", Double.toString(s.l1()), "--batch-size", Integer.toString(s.batchSize()),
                "--shard-rows", Integer.toString(s.shardRows())));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(table + ".log")).start();
    }
}
