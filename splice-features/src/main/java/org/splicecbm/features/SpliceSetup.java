package org.splicecbm.features;

import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceConfig;
import org.splicecbm.store.CachedEmbeddings;

/**
 * Assembles SpLiCE for one backbone (Bhalla et al., NeurIPS 2024, Sec. 4): the vocabulary's last k
 * concepts encoded into the centred dictionary (cached), the image mean (SpLiCE's published one, or one
 * computed from a dataset's cached training embeddings), and the exact solver at the configured l1.
 */
public final class SpliceSetup {
    private SpliceSetup() {}

    /** The concept dictionary for {@code concepts}, built with {@code backbone}'s text tower or read from the cache. */
    public static ConceptDictionary dictionary(ClipBackbone backbone, ConceptsConfig concepts) {
        Vocabulary vocabulary = VocabularySource.fromEnvironment().resolve(concepts.vocabulary());
        return ConceptDictionaries.load(backbone, vocabulary, concepts.size(), ConceptDictionaries.defaultCacheDir());
    }

    /**
     * The image mean: SpLiCE's published mean for {@code backboneSpec}, or the mean of the normalised
     * training embeddings of {@code datasetName} when {@code concepts.image_mean} is {@code dataset}.
     */
    public static ImageMean imageMean(String backboneSpec, ConceptsConfig concepts, String datasetName,
                                      CachedEmbeddings training) throws IOException {
        if (!concepts.imageMeanFromDataset()) {
            return ImageMeans.published(backboneSpec);
        }
        if (training == null) {
            throw new IllegalArgumentException("concepts.image_mean: dataset needs the training split of " + datasetName
                    + " to compute the mean image embedding, but the dataset has no training split");
        }
        return ImageMeans.fromEmbeddings(datasetName + "/train", training.meta().embeddingDim(), training.rowBatches(1024));
    }

    /** The SpLiCE step (solver) for a dictionary, image mean and the configured l1 penalty. */
    public static SpliceStep step(ConceptDictionary dictionary, ImageMean mean, SpliceConfig splice) {
        if (mean.dim() != dictionary.dim()) {
            throw new IllegalArgumentException("the image mean (" + mean.source() + ") has " + mean.dim()
                    + " values but the backbone embeds into " + dictionary.dim() + " dimensions;"
                    + " use concepts.image_mean: dataset for a backbone without a published mean");
        }
        double tolerance = splice.toleranceOr(SolverOptions.defaults().relativeGapTolerance());
        return new SpliceStep(dictionary.vectors(), mean.vector(), splice.l1Penalty(), tolerance);
    }

    /** Folder name of a feature set family: vocabulary, size and penalty, safe on every OS. */
    public static String featureFamily(ConceptsConfig concepts, SpliceConfig splice) {
        String vocabulary = Path.of(concepts.vocabulary()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return vocabulary + "-" + concepts.size() + "-l1_" + splice.l1Penalty();
    }
}
