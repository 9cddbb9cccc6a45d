package org.splicecbm.splice;

import java.net.URI;
import java.nio.file.Path;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.SpliceData;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.hub.UrlFetcher;

/**
 * The one place where SpLiCE is put together for a backbone (Bhalla et al., NeurIPS 2024, Sec. 4; the reference's
 * {@code splice.load}): the vocabulary's last k concepts encoded into the centred dictionary, the image mean
 * (SpLiCE's published one, chosen as the reference does by the backbone's {@code library:model} name), and the
 * exact solver, after checking that the three belong together ({@link ConceptBasisCheck}). {@link Splice}, the
 * feature pipeline, the dataset decomposition, the zero-shot study and the CLI all assemble through here.
 */
public final class SpliceAssembly {
    private SpliceAssembly() {}

    /** Where SpLiCE's data files come from: {@code downloadRoot} (as SpLiCE's {@code download_root}), or the environment. */
    public static SpliceData data(Path downloadRoot) {
        if (downloadRoot == null) {
            return SpliceData.fromEnvironment();
        }
        String url = System.getenv("SPLICE_DATA_URL");
        return new SpliceData(URI.create(url == null || url.isBlank() ? SpliceData.DEFAULT_URL : url), null, downloadRoot,
                UrlFetcher.fromEnvironment());
    }

    /** A published vocabulary name ({@code laion}, {@code laion_bigrams}, {@code mscoco}) or a vocabulary file. */
    public static Vocabulary vocabulary(String nameOrFile, SpliceData data) {
        return new VocabularySource(data).resolve(nameOrFile);
    }

    /**
     * The dictionary of the last {@code size} concepts of {@code vocabulary}, encoded by {@code backbone} (cached in
     * {@code cacheDir}).
     */
    public static ConceptDictionary dictionary(ClipBackbone backbone, Vocabulary vocabulary, int size, Path cacheDir) {
        if (size < 1 || size > vocabulary.size()) {
            throw new IllegalArgumentException("vocabularySize must be in 1.." + vocabulary.size() + " for vocabulary "
                    + vocabulary.name() + " (its number of concepts), found " + size);
        }
        return ConceptDictionaries.load(backbone, vocabulary, size, cacheDir);
    }

    /**
     * SpLiCE's published image mean of {@code backbone}, chosen by its name as the reference does
     * ({@code means/<library>_<model>_image.pt}).
     */
    public static ImageMean publishedMean(ClipBackbone backbone, SpliceData data) {
        String name = backbone.name();
        if (ImageMeans.publishedFile(name).isEmpty()) {
            throw new IllegalArgumentException("SpLiCE published image means only for "
                    + String.join(", ", ImageMeans.PUBLISHED_DIMS.keySet().stream().sorted().toList()) + ", not for backbone "
                    + name + "; give the model an image mean (SpliceOptions.optImageMean, e.g. Splice.imageMean of "
                    + "embeddings of your images)");
        }
        return ImageMeans.published(name, data);
    }

    /** The mean SpLiCE centres with: {@code chosen} when given, else the published mean of {@code backbone}. */
    public static ImageMean imageMean(ClipBackbone backbone, ImageMean chosen, SpliceData data) {
        return chosen != null ? chosen : publishedMean(backbone, data);
    }

    /**
     * The exact SpLiCE solver for a dictionary and image mean at penalty {@code l1} and relative duality-gap
     * {@code tolerance}, once they are known to belong together.
     */
    public static SpliceDecomposer decomposer(ConceptDictionary dictionary, ImageMean mean, double l1, double tolerance) {
        ConceptBasisCheck.requireMatch(dictionary, mean);
        return new SpliceDecomposer(dictionary.vectors(), mean.vector(), l1,
                SolverOptions.defaults().withRelativeGapTolerance(tolerance));
    }
}
