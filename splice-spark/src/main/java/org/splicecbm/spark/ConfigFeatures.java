package org.splicecbm.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.config.FeatureConfig;

/**
 * {@code spark-features --config FILE}: the single-machine {@code features} command's config run through the Spark
 * job, one Parquet table per split in {@code <output>/parquet/<vocab>-<k>-l1_<l1>/<split>} (named like the feature
 * sets). The dataset must be a CSV manifest ({@code dataset.kind: csv}, integer labels); its relative paths
 * resolve against {@code dataset.root}.
 */
public final class ConfigFeatures {
    private ConfigFeatures() {}

    /** Runs every split the manifest has; returns one result per table written. */
    public static List<SparkFeatureJob.Result> run(SparkSession spark, Path configFile) throws IOException {
        FeatureConfig config = ConfigLoader.load(configFile, FeatureConfig.class).resolvedAgainst(configFile.toAbsolutePath().getParent());
        DatasetConfig dataset = config.dataset();
        if (dataset.kind() != DatasetConfig.Kind.CSV || dataset.manifest() == null) {
            throw new IllegalArgumentException(configFile + ": dataset.kind must be csv (a manifest of path,label[,split]) for"
                    + " the Spark job, found " + dataset.kind().key() + "; list the images in a manifest");
        }
        if (config.concepts().imageMeanFromDataset()) {
            throw new IllegalArgumentException(configFile + ": concepts.image_mean: dataset is not supported by the Spark job"
                    + " yet; compute the mean once (./splice features) and give its .npy file, or use published");
        }
        SpliceSettings settings = SpliceSettings.builder().backbone(config.backbone())
                .vocabulary(config.concepts().vocabulary(), config.concepts().size())
                .imageMean(config.concepts().imageMean()).l1(config.splice().l1Penalty())
                .tolerance(config.splice().toleranceOr(org.splicecbm.decompose.SolverOptions.defaults().relativeGapTolerance()))
                .batchSize(config.batchSize()).shardRows(config.batchSize() * Math.max(1, 1024 / config.batchSize()))
                .skipBadImages(dataset.onBadImage() == DatasetConfig.OnBadImage.SKIP).device(config.device()).build();
        String family = Path.of(settings.vocabulary()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + settings.vocabularySize() + "-l1_" + settings.l1();
        Manifest manifest = Manifest.read(spark, dataset.manifest().toString()).relativeTo(dataset.root().toString());
        List<SparkFeatureJob.Result> results = new ArrayList<>();
        for (String split : List.of("train", "val", "test")) {
            Manifest rows = manifest.onlySplit(split);
            if (!rows.isEmpty()) {
                Path out = config.output().resolve("parquet").resolve(family).resolve(split);
                results.add(SparkFeatureJob.run(spark, rows, out.toString(), settings));
            }
        }
        return results;
    }
}
