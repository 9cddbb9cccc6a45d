package org.splicecbm.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.data.SplitLimits;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.features.SpliceSetup;

/**
 * {@code spark-features --config FILE}: the single-machine {@code features} command's config run through the Spark
 * job, one Parquet table per split in {@code <output>/parquet/<vocab>-<k>-l1_<l1>/<split>} (named like the feature
 * sets). The dataset must be a CSV manifest ({@code dataset.kind: csv}, integer labels, splits from its {@code split}
 * column); its paths resolve against {@code dataset.root}. {@code concepts.image_mean: dataset} runs a first pass
 * over the training images ({@link DatasetImageMean}). The config is checked before any image is read.
 */
public final class ConfigFeatures {
    private ConfigFeatures() {}

    /** Runs every split the manifest has; returns one result per table written. */
    public static List<SparkFeatureJob.Result> run(SparkSession spark, Path configFile) throws IOException {
        FeatureConfig config = ConfigLoader.load(configFile, FeatureConfig.class).resolvedAgainst(configFile.toAbsolutePath().getParent());
        DatasetConfig dataset = config.dataset();
        requireSupported(configFile, dataset);
        SpliceSettings settings = SpliceSettings.builder().backbone(config.backbone())
                .vocabulary(config.concepts().vocabulary(), config.concepts().size())
                .imageMean(config.concepts().imageMean()).l1(config.splice().l1Penalty())
                .tolerance(config.splice().toleranceOr(SolverOptions.defaults().relativeGapTolerance()))
                .batchSize(config.batchSize()).shardRows(config.batchSize() * Math.max(1, 1024 / config.batchSize()))
                .skipBadImages(dataset.onBadImage() == DatasetConfig.OnBadImage.SKIP).device(config.device()).build();
        // a published mean is checked (and the dictionary built) before the manifest is read
        Optional<SpliceBundle> published = config.concepts().imageMeanFromDataset() ? Optional.empty()
                : Optional.of(SpliceBundle.prepare(settings));
        Manifest manifest = manifest(spark, configFile, dataset);
        SpliceBundle bundle = published.orElseGet(() -> withDatasetMean(settings, dataset, manifest));
        Path family = config.output().resolve("parquet").resolve(SpliceSetup.featureFamily(config.concepts(), config.splice()));
        List<SparkFeatureJob.Result> results = new ArrayList<>();
        for (String split : List.of("train", "val", "test")) {
            Manifest rows = manifest.onlySplit(split);
            if (!rows.isEmpty()) {
                results.add(SparkFeatureJob.run(spark, rows, family.resolve(split).toString(), bundle));
            }
        }
        return results;
    }

    /** The dictionary and {@code image_mean: dataset}: the mean of the training images' normalised embeddings. */
    private static SpliceBundle withDatasetMean(SpliceSettings settings, DatasetConfig dataset, Manifest manifest) {
        // named like the single-machine reader names a CSV dataset, so the feature sets' image_mean_source matches
        String name = "csv:" + dataset.manifest().getFileName() + "/train";
        ImageMean mean = DatasetImageMean.compute(manifest.onlySplit("train"), settings, name);
        return SpliceBundle.prepare(settings, mean);
    }

    /** Settings of the single-machine reader that the Spark job does not implement fail here, naming the key. */
    private static void requireSupported(Path configFile, DatasetConfig dataset) {
        if (dataset.kind() != DatasetConfig.Kind.CSV) {
            throw unsupported(configFile, "dataset.kind", "be csv (a manifest of path,label[,split]) for the Spark job",
                    dataset.kind().key(), "list the images in a CSV manifest and set dataset.kind: csv and dataset.manifest");
        }
        if (dataset.val() != null || dataset.test() != null) {
            throw unsupported(configFile, dataset.val() != null ? "dataset.val" : "dataset.test",
                    "be absent for the Spark job (it takes splits from the manifest's split column)", "a derived split",
                    "write the split of each image into the manifest's split column");
        }
        if (!dataset.limit().equals(SplitLimits.NONE) || !dataset.classes().isEmpty()) {
            throw unsupported(configFile, dataset.classes().isEmpty() ? "dataset.limit" : "dataset.classes",
                    "be absent for the Spark job (it reads every manifest row, labels as integer class indices)",
                    dataset.classes().isEmpty() ? dataset.limit() : dataset.classes(), "remove the key");
        }
    }

    private static Manifest manifest(SparkSession spark, Path configFile, DatasetConfig dataset) {
        Path file = dataset.root().resolve(dataset.manifest());
        if (!Files.isRegularFile(file)) {
            throw unsupported(configFile, "dataset.manifest", "name an existing CSV file (relative to dataset.root)",
                    file, "fix the path");
        }
        try {
            return Manifest.read(spark, file.toString()).relativeTo(dataset.root().toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": dataset.manifest: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException unsupported(Path configFile, String key, String rule, Object found, String fix) {
        return new IllegalArgumentException(configFile + ": " + key + " must " + rule + ", found " + found + "; " + fix);
    }
}
