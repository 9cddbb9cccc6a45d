package org.splicecbm.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.features.ConceptSpace;
import org.splicecbm.features.EmbeddingJob;
import org.splicecbm.features.FeatureJob;
import org.splicecbm.features.FeatureStage;
import org.splicecbm.features.FeatureStageResult;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.OutputTarget;

/**
 * The feature stage driven by a {@link FeatureConfig}: open the dataset and backbone, embed every split
 * into the resumable cache ({@code output/embeddings}), build the concept dictionary and image mean,
 * decompose, and write one feature set per split under {@link #featureDir}. The resolved config is
 * saved beside the feature sets.
 */
public final class FeaturePipeline {
    private FeaturePipeline() {}

    /** Where the feature sets of this config's vocabulary, size and l1 go: {@code output/features/<vocab>-<k>-l1_<l1>/}. */
    public static Path featureDir(FeatureConfig config) {
        return config.output().resolve("features").resolve(SpliceSetup.featureFamily(config.concepts(), config.splice()));
    }

    /** Runs the whole feature stage; returns the feature-set folder of each split. */
    public static Map<Split, Path> run(FeatureConfig config) throws IOException {
        return decomposing(config, (job, embedded) -> {
            FeatureStageResult result = FeatureStage.decompose(job, embedded);
            ConfigLoader.save(config, featureDir(config).resolve("config.yaml"));
            return result.featureSets();
        });
    }

    /**
     * The feature stage at several SpLiCE l1 values of one config (its own {@code splice.l1_penalty} is not
     * used): one backbone, one dictionary and image mean, and one pass along the l1 path over each split's
     * embeddings, each value's feature sets written where {@link #run} would write them for that l1
     * ({@link #featureDir} of the config with that penalty, its resolved config beside them). Returns the
     * feature-set folders of each split per l1, in the given order. A sweep over {@code splice_l1} computes
     * the features of every value of a vocabulary size this way.
     */
    public static Map<Double, Map<Split, Path>> runPath(FeatureConfig config, List<Double> l1Values) throws IOException {
        Map<Double, Path> outputDirs = new LinkedHashMap<>();
        for (double l1 : l1Values) {
            if (outputDirs.put(l1, featureDir(config.withSpliceL1(l1))) != null) {
                throw new IllegalArgumentException("the SpLiCE l1 " + l1 + " is listed twice in " + l1Values
                        + "; list each value once");
            }
        }
        return decomposing(config, (job, embedded) -> {
            Map<Double, Map<Split, Path>> sets = new LinkedHashMap<>();
            for (Map.Entry<Double, FeatureStageResult> e : FeatureStage.decomposePath(job, embedded, outputDirs).entrySet()) {
                ConfigLoader.save(config.withSpliceL1(e.getKey()), outputDirs.get(e.getKey()).resolve("config.yaml"));
                sets.put(e.getKey(), e.getValue().featureSets());
            }
            return sets;
        });
    }

    /** What runs once the embeddings, dictionary, image mean and decomposer of a config are ready. */
    private interface Decomposing<T> {
        T decompose(FeatureJob job, FeatureStage.Embedded embedded) throws IOException;
    }

    /** Opens the dataset and backbone, embeds every split, builds the SpLiCE step, then runs {@code work}. */
    private static <T> T decomposing(FeatureConfig config, Decomposing<T> work) throws IOException {
        OutputTarget.requireWritableFolder("output", config.output());
        ImageDataset dataset = Datasets.open(config.dataset());
        try (ClipBackbone backbone = open(config)) {
            EmbeddingJob embedding = embeddingJob(config, dataset, backbone);
            SpliceBasis basis = SpliceBasis.prepare(config, backbone, dataset);
            FeatureStage.Embedded embedded = FeatureStage.embed(embedding, "features");
            ConceptDictionary dictionary = basis.dictionary();
            ImageMean mean = basis.mean(config, backbone, dataset, embedded.caches().get(Split.TRAIN));
            try (SpliceStep step = SpliceSetup.step(dictionary, mean, config.splice())) {
                return work.decompose(new FeatureJob(embedding, ConceptSpace.of(dictionary, mean), step, featureDir(config)),
                        embedded);
            }
        }
    }

    /** Fails, saying how to derive it, when the dataset has no {@code split}: before any model or image is touched. */
    static void requireSplit(ImageDataset dataset, Split split) throws IOException {
        dataset.samples(split);
    }

    /** Opens the configured backbone with the configured device, threads and batch size. */
    public static ClipBackbone open(FeatureConfig config) {
        return ClipModels.open(config.backbone(),
                new BackboneOptions(DeviceChoice.parse(config.device()), config.threads(), config.batchSize()));
    }

    /** Stage 1 for every split the dataset has (the embedding cache lives in {@code output/embeddings}). */
    public static EmbeddingJob embeddingJob(FeatureConfig config, ImageDataset dataset, ClipBackbone backbone) {
        List<Split> splits = dataset.splits().stream().sorted().toList();
        return new EmbeddingJob(dataset, splits, backbone, ClipModels.identity(config.backbone()), config.output().resolve("embeddings"),
                config.batchSize(), 0, 0, config.dataset().onBadImage(), null);
    }

    /** The cached embeddings of one split (embedding it first if needed). */
    public static CachedEmbeddings embeddings(FeatureConfig config, ImageDataset dataset, ClipBackbone backbone, Split split)
            throws IOException {
        return embeddings(config, dataset, backbone, split, "embeddings");
    }

    /** As {@link #embeddings(FeatureConfig, ImageDataset, ClipBackbone, Split)}; {@code work} names the command if interrupted. */
    static CachedEmbeddings embeddings(FeatureConfig config, ImageDataset dataset, ClipBackbone backbone, Split split,
                                       String work) throws IOException {
        EmbeddingJob all = embeddingJob(config, dataset, backbone);
        EmbeddingJob one = new EmbeddingJob(dataset, List.of(split), backbone, all.backboneKey(), all.cacheDir(),
                all.batchSize(), all.decodeThreads(), all.queueBatches(), all.onBadImage(), all.clock());
        return FeatureStage.embed(one, work).caches().get(split);
    }
}
