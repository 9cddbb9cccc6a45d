package org.splicecbm.pipeline;

import java.io.IOException;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * The concept dictionary and (when published) the image mean of a config, prepared BEFORE any image is embedded so
 * that a vocabulary size beyond the vocabulary, an empty vocabulary, a mean of the wrong dimension or a dataset mean
 * without a training split fail in seconds, not after hours of embedding (Bhalla et al., NeurIPS 2024, Sec. 4: the
 * dictionary and the mean are fixed before decomposition). The dataset mean is the one part that needs embeddings.
 *
 * @param dictionary    the centred concept dictionary
 * @param publishedMean SpLiCE's published mean for the backbone, or null when {@code concepts.image_mean: dataset}
 */
record SpliceBasis(ConceptDictionary dictionary, ImageMean publishedMean) {

    static SpliceBasis prepare(FeatureConfig config, ClipBackbone backbone, ImageDataset dataset) throws IOException {
        if (config.concepts().imageMeanFromDataset() && !dataset.splits().contains(Split.TRAIN)) {
            throw InvalidArgumentException.invalid("concepts.image_mean", "be published when the dataset has no training"
                    + " split to compute a mean from (it has " + dataset.splits() + ")", "dataset");
        }
        ConceptDictionary dictionary = SpliceSetup.dictionary(backbone, config.concepts());
        ImageMean mean = config.concepts().imageMeanFromDataset() ? null
                : SpliceSetup.imageMean(backbone, config.concepts(), dataset.name(), null);
        if (mean != null) {
            SpliceSetup.requireMatching(dictionary, mean);
        }
        return new SpliceBasis(dictionary, mean);
    }

    /** The image mean: the published one, or the mean of {@code training}'s normalised embeddings. */
    ImageMean mean(FeatureConfig config, ClipBackbone backbone, ImageDataset dataset, CachedEmbeddings training)
            throws IOException {
        return publishedMean != null ? publishedMean
                : SpliceSetup.imageMean(backbone, config.concepts(), dataset.name(), training);
    }

    /** One split's cached embeddings with the dictionary and image mean to decompose them. */
    record ForSplit(CachedEmbeddings embeddings, ConceptDictionary dictionary, ImageMean mean) {}

    /**
     * Checks the split and prepares the basis before any embedding, then embeds {@code split} (and the training split
     * when the mean comes from the dataset); {@code work} names the command in an interrupt message.
     */
    static ForSplit forSplit(FeatureConfig config, ClipBackbone backbone, ImageDataset dataset, Split split, String work)
            throws IOException {
        FeaturePipeline.requireSplit(dataset, split);
        SpliceBasis basis = prepare(config, backbone, dataset);
        CachedEmbeddings cached = FeaturePipeline.embeddings(config, dataset, backbone, split, work);
        CachedEmbeddings training = config.concepts().imageMeanFromDataset()
                ? FeaturePipeline.embeddings(config, dataset, backbone, Split.TRAIN, work) : null;
        return new ForSplit(cached, basis.dictionary(), basis.mean(config, backbone, dataset, training));
    }
}
