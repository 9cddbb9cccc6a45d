package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.FeatureSet;

/**
 * The feature job on a real standalone cluster on 127.0.0.1 (master, two workers, executors as separate JVMs): an
 * executor killed with SIGKILL while shards are being computed loses its tasks, Spark retries them, and the table is
 * complete and bit-identical to the single-machine feature stage; a backbone that the executors cannot reach fails the
 * job before any file is written.
 */
@Tag("heavy")
class ClusterFaultTest {
    static SparkSession spark;
    @TempDir static Path dir;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("splice.noProgress", "true");
        spark = LocalCluster.start();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void anExecutorKilledMidJobIsRetriedAndTheTableIsCompleteAndIdentical() throws Exception {
        TinyImages images = new TinyImages(dir.resolve("in"), 24, 5, 700, 1000);
        SpliceSettings settings = images.settings().build();
        String table = dir.resolve("features").toString();
        CompletableFuture<SparkFeatureJob.Result> job = CompletableFuture.supplyAsync(() -> {
            try {
                return SparkFeatureJob.run(spark, images.manifest.toString(), table, settings);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path staging = Path.of(table + ".partial");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!job.isDone() && !hasTaskOutput(staging) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(job.isDone(), "the job ended before a shard was written; nothing to interrupt");
        Optional<Long> killed = LocalCluster.killOneExecutor();
        assertTrue(killed.isPresent(), "no executor JVM found to kill");
        assertFalse(job.isDone(), "the kill must land while the job runs");
        SparkFeatureJob.Result result = job.get(5, TimeUnit.MINUTES);
        assertEquals(24, result.rows());
        FeatureSet single = SingleMachine.features(images, settings, dir.resolve("single"));
        SingleMachine.assertSameRows(single, spark.read().parquet(table).orderBy(FeatureTable.ROW).collectAsList());
        try (Stream<Path> files = Files.walk(Path.of(table))) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).toList();
            assertEquals(result.shards(), parts.size(), "one file per shard, no duplicates from the killed attempts: " + parts);
        }
    }

    @Test
    void aBackboneTheExecutorsCannotLoadFailsFastWithoutATable() throws IOException {
        // A relative model folder: found from the driver's working directory, not from the executors' (their own work
        // folders), as on a cluster where the model was copied to the submitting machine only.
        Path relative = Path.of("target", "driver-only-backbone-" + ProcessHandle.current().pid());
        copyFolder(TinyImages.tinyClip(), relative);
        TinyImages images = new TinyImages(dir.resolve("in-bad"), 4, 3);
        String table = dir.resolve("bad-backbone").toString();
        SpliceSettings settings = images.settings().backbone(relative.toString()).build();
        IllegalStateException e;
        try {
            e = assertThrows(IllegalStateException.class, () -> SparkFeatureJob.run(spark, images.manifest.toString(), table, settings));
        } finally {
            org.splicecbm.store.AtomicDirectory.deleteRecursively(relative);
        }
        assertTrue(e.getMessage().contains("cannot be loaded on executor") && e.getMessage().contains(relative.toString()),
                e.getMessage());
        assertFalse(Files.exists(Path.of(table)), "no table");
        assertFalse(Files.exists(Path.of(table + ".partial")), "nothing written at all");
    }

    private static boolean hasTaskOutput(Path partial) throws IOException {
        if (!Files.isDirectory(partial)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(partial)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("part-"));
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException racing) {
            return false; // the committer moved files while we walked
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
