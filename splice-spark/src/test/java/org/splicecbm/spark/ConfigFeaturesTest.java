package org.splicecbm.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;

/**
 * {@code spark-features --config FILE} as a user runs it: one YAML run config (CSV manifest with relative paths and
 * train/val splits, a vocabulary file, {@code image_mean: dataset}) given to the single-machine feature stage and to
 * the Spark job in local[2] on the tiny CLIP fixture. One Parquet table per split under {@code output/parquet/},
 * weights and provenance equal to the feature sets, the image mean equal to one machine's, the convert round trip;
 * and config input the Spark job does not support failing before any Spark job, naming the config key.
 */
@Tag("heavy") // ~50 s alone on this loaded 2-core machine (Spark and DJL start-up, both feature stages)
class ConfigFeaturesTest {
    static final String FAMILY = "tiny.txt-10-l1_0.05";
    static SparkSession spark;
    @TempDir static Path dir;
    static TinyImages images;
    static Path config;
    static FeatureConfig loaded;
    static List<SparkFeatureJob.Result> results;
    static Map<Split, Path> featureSets;

    @BeforeAll
    static void runBoth() throws IOException {
        System.setProperty("splice.noProgress", "true");
        spark = LocalSpark.start("local[2]");
        images = new TinyImages(dir.resolve("in"), 11, 5);
        StringBuilder csv = new StringBuilder("path,label,split\n");
        for (int i = 0; i < 11; i++) { // 8 train rows in 4 batches, 3 val rows (a short last batch)
            csv.append("img/").append(images.files.get(i).getFileName()).append(',').append(i % 2).append(i < 8 ? ",train\n" : ",val\n");
        }
        Files.writeString(images.root.resolve("splits.csv"), csv);
        config = writeConfig("run.yaml", "kind: csv, root: " + images.root + ", manifest: " + images.root.resolve("splits.csv"), "dataset");
        loaded = ConfigLoader.load(config, FeatureConfig.class).resolvedAgainst(dir);
        featureSets = FeaturePipeline.run(loaded);
        results = ConfigFeatures.run(spark, config);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void writesOneTablePerSplitWithTheSingleMachineWeightsBitForBit() throws IOException {
        Path family = dir.resolve("out/parquet").resolve(FAMILY);
        assertEquals(List.of(family.resolve("train").toString(), family.resolve("val").toString()),
                results.stream().map(SparkFeatureJob.Result::table).toList());
        assertFalse(Files.exists(family.resolve("test")), "no test rows, no test table");
        assertEquals(Map.of(Split.TRAIN, dir.resolve("out/features").resolve(FAMILY).resolve("train"),
                Split.VAL, dir.resolve("out/features").resolve(FAMILY).resolve("val")), featureSets, "named alike");
        for (Split split : List.of(Split.TRAIN, Split.VAL)) {
            FeatureSet single = FeatureSet.read(featureSets.get(split));
            List<Row> rows = spark.read().parquet(family.resolve(split.key()).toString()).orderBy(FeatureTable.ROW).collectAsList();
            int offset = split == Split.TRAIN ? 0 : 8;
            SingleMachine.assertSameRows(single, rows, i -> "img/" + images.files.get(offset + i).getFileName());
        }
    }

    @Test
    void provenanceEqualsTheFeatureSetsMeta() throws IOException {
        for (Split split : List.of(Split.TRAIN, Split.VAL)) {
            FeatureSetMeta meta = FeatureSetMeta.read(featureSets.get(split));
            TableInfo info = TableInfo.read(new org.apache.hadoop.fs.Path(dir.resolve("out/parquet").resolve(FAMILY)
                    .resolve(split.key()).toString()), spark.sparkContext().hadoopConfiguration());
            assertEquals(meta.backbone(), info.provenance().backbone());
            assertEquals(meta.vocabulary(), info.provenance().vocabulary());
            assertEquals(meta.vocabularySize(), info.provenance().vocabularySize());
            assertEquals(meta.dictionarySha256(), info.provenance().dictionarySha256());
            assertEquals("dataset:csv:splits.csv/train,8", meta.imageMeanSource());
            assertEquals(meta.imageMeanSource(), info.provenance().imageMeanSource());
            assertEquals(meta.l1Penalty(), info.settings().l1());
            assertEquals(meta.tolerance(), info.settings().tolerance());
        }
    }

    @Test
    void theImageMeanPassEqualsTheSingleMachineMeanBitForBit() throws IOException {
        SpliceSettings settings = images.settings().batchSize(2).shardRows(4).build(); // two shards: sums combined across shards
        Manifest train = Manifest.read(spark, images.root.resolve("splits.csv").toString()).relativeTo(images.root.toString())
                .onlySplit("train");
        ImageMean spark4 = DatasetImageMean.compute(train, settings, "csv:splits.csv/train");
        ImageMean single;
        try (ClipBackbone backbone = FeaturePipeline.open(loaded)) {
            CachedEmbeddings cached = FeaturePipeline.embeddings(loaded, Datasets.open(loaded.dataset()), backbone, Split.TRAIN);
            single = ImageMeans.fromEmbeddings("csv:splits.csv/train", cached.meta().embeddingDim(), cached.rowBatches(1024));
        }
        assertEquals(single.source(), spark4.source());
        assertArrayEquals(single.vector(), spark4.vector(), "float32 mean bit for bit");
    }

    @Test
    void convertRoundTripReproducesTheFeatureSets() throws IOException {
        for (Split split : List.of(Split.TRAIN, Split.VAL)) {
            FeatureSet single = FeatureSet.read(featureSets.get(split));
            Path table = dir.resolve("out/parquet").resolve(FAMILY).resolve(split.key());
            List<Path> sets = FeatureSetConverter.convert(spark, table, dir.resolve("sets-" + split.key()));
            assertEquals(List.of(dir.resolve("sets-" + split.key()).resolve(split.key())), sets);
            FeatureSet converted = FeatureSet.read(sets.get(0));
            SingleMachine.assertSameCsr(single.features(), converted.features());
            assertArrayEquals(single.labels(), converted.labels());
            assertEquals(single.concepts(), converted.concepts());
            assertEquals(single.meta().imageMeanSource(), converted.meta().imageMeanSource());
            assertEquals(single.meta().dictionarySha256(), converted.meta().dictionarySha256());
        }
    }

    @Test
    void aDatasetKindOtherThanCsvFailsBeforeAnySparkJobNamingTheKey() throws IOException {
        Path bad = writeConfig("folder.yaml", "kind: imagefolder, root: " + images.root, "dataset");
        assertFailsBeforeAnyJob(bad, "dataset.kind", "found imagefolder", "csv");
    }

    @Test
    void aDerivedSplitFailsBeforeAnySparkJobNamingTheKey() throws IOException {
        Path bad = writeConfig("derived.yaml", "kind: csv, root: " + images.root + ", manifest: " + images.root.resolve("splits.csv") + ","
                + " val: {from: train, fraction: 0.2}", "dataset");
        assertFailsBeforeAnyJob(bad, "dataset.val", "split column");
    }

    @Test
    void aPublishedMeanForABackboneWithoutOneSaysToUseDataset() throws IOException {
        Path bad = writeConfig("published.yaml", "kind: csv, root: " + images.root + ", manifest: " + images.root.resolve("splits.csv"), "published");
        assertFailsBeforeAnyJob(bad, "concepts.image_mean", "image_mean: dataset");
    }

    @Test
    void aManifestWithoutTheLabelColumnFailsBeforeAnyImageIsReadNamingTheKey() throws IOException {
        Files.writeString(images.root.resolve("no-label.csv"), "path,split\nimg/img000.png,train\n");
        Path bad = writeConfig("no-label.yaml", "kind: csv, root: " + images.root + ", manifest: " + images.root.resolve("no-label.csv"), "dataset");
        String group = "bad-" + bad.getFileName();
        spark.sparkContext().setJobGroup(group, "bad config", false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFeatures.run(spark, bad));
        spark.sparkContext().clearJobGroup();
        assertTrue(e.getMessage().contains("dataset.manifest") && e.getMessage().contains("[label]"), e.getMessage());
        // reading the CSV header is the one Spark job allowed here; no image is read
        assertTrue(spark.sparkContext().statusTracker().getJobIdsForGroup(group).length <= 1);
        assertFalse(Files.exists(dir.resolve("out-no-label.yaml")), "nothing written");
    }

    private static void assertFailsBeforeAnyJob(Path bad, String... phrases) {
        String group = "bad-" + bad.getFileName();
        spark.sparkContext().setJobGroup(group, "bad config", false);
        RuntimeException e = assertThrows(RuntimeException.class, () -> ConfigFeatures.run(spark, bad));
        spark.sparkContext().clearJobGroup();
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' missing from: " + e.getMessage());
        }
        assertEquals(0, spark.sparkContext().statusTracker().getJobIdsForGroup(group).length, "no Spark job ran");
        assertFalse(Files.exists(dir.resolve("out-" + bad.getFileName())), "nothing written");
    }

    /** A run config on the tiny CLIP fixture; bad configs write to their own output folder. */
    private static Path writeConfig(String name, String dataset, String imageMean) throws IOException {
        Path file = dir.resolve(name);
        String output = name.equals("run.yaml") ? "out" : "out-" + name;
        Files.writeString(file, "schema: 1\nname: spark-config\nbackbone: " + TinyImages.tinyClip() + "\ndevice: cpu\n"
                + "batch_size: 2\ndataset: {" + dataset + "}\nconcepts: {vocabulary: " + images.root.resolve("tiny.txt")
                + ", size: 10, image_mean: " + imageMean + "}\nsplice: {l1_penalty: 0.05}\noutput: " + dir.resolve(output) + "\n");
        return file;
    }
}
