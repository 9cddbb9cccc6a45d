package org.splicecbm.features;

import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.SpliceData;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceConfig;
import org.splicecbm.splice.SpliceAssembly;
import org.splicecbm.validation.InvalidArgumentException;
import org.splicecbm.store.CachedEmbeddings;

/**
 * SpLiCE for one backbone from a config's {@code concepts:} and {@code splice:} sections (Bhalla et al., NeurIPS
 * 2024, Sec. 4): the settings are checked and reported in the config's terms, then SpLiCE is assembled by
 * {@link SpliceAssembly}, the one place that builds the dictionary, picks the image mean and sets up the solver.
 */
public final class SpliceSetup {
    private SpliceSetup() {}

    /** The concept dictionary for {@code concepts}, built with {@code backbone}'s text tower or read from the cache. */
    public static ConceptDictionary dictionary(ClipBackbone backbone, ConceptsConfig concepts) {
        Vocabulary vocabulary = VocabularySource.fromEnvironment().resolve(concepts.vocabulary());
        vocabulary.lastK(concepts.size()); // a size out of range is reported under concepts.size
        return SpliceAssembly.dictionary(backbone, vocabulary, concepts.size(), ConceptDictionaries.defaultCacheDir());
    }

    /**
     * The image mean: SpLiCE's published mean of {@code backbone} (chosen by its name, as SpLiCE does), or the mean
     * of the normalised training embeddings of {@code datasetName} when {@code concepts.image_mean} is {@code dataset}.
     */
    public static ImageMean imageMean(ClipBackbone backbone, ConceptsConfig concepts, String datasetName,
                                      CachedEmbeddings training) throws IOException {
        if (!concepts.imageMeanFromDataset()) {
            if (ImageMeans.publishedFile(backbone.name()).isEmpty()) {
                throw new InvalidArgumentException("concepts.image_mean", "SpLiCE published image means only for "
                        + String.join(", ", ImageMeans.PUBLISHED_DIMS.keySet().stream().sorted().toList()) + ", not for backbone "
                        + backbone.name() + "; set concepts.image_mean: dataset to compute it from the training images");
            }
            return SpliceAssembly.publishedMean(backbone, SpliceData.fromEnvironment());
        }
        if (training == null) {
            throw new IllegalArgumentException("concepts.image_mean: dataset needs the training split of " + datasetName
                    + " to compute the mean image embedding, but the dataset has no training split");
        }
        return ImageMeans.fromEmbeddings(datasetName + "/train", training.meta().embeddingDim(), training.rowBatches(1024));
    }

    /** The SpLiCE step (solver) for a dictionary, image mean and the configured l1 penalty. */
    public static SpliceStep step(ConceptDictionary dictionary, ImageMean mean, SpliceConfig splice) {
        requireMatching(dictionary, mean);
        double tolerance = splice.toleranceOr(SolverOptions.defaults().relativeGapTolerance());
        return new SpliceStep(SpliceAssembly.decomposer(dictionary, mean, splice.l1Penalty(), tolerance), splice.l1Penalty(), tolerance);
    }

    /** The image mean must live in the dictionary's (the backbone's) embedding space; checkable before any image is embedded. */
    public static void requireMatching(ConceptDictionary dictionary, ImageMean mean) {
        if (mean.dim() != dictionary.dim()) {
            throw new InvalidArgumentException("concepts.image_mean", "the image mean (" + mean.source() + ") has " + mean.dim()
                    + " values but the backbone embeds into " + dictionary.dim() + " dimensions;"
                    + " use concepts.image_mean: dataset for a backbone without a published mean");
        }
    }

    /** Folder name of a feature set family: vocabulary, size and penalty, safe on every OS. */
    public static String featureFamily(ConceptsConfig concepts, SpliceConfig splice) {
        String vocabulary = Path.of(concepts.vocabulary()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return vocabulary + "-" + concepts.size() + "-l1_" + splice.l1Penalty();
    }
}
