package org.splicecbm.concepts;

import java.util.Locale;
import java.util.Set;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * The {@code concepts:} section: which vocabulary builds the SpLiCE concept dictionary (Bhalla et al.,
 * NeurIPS 2024, Sec. 4), how many of its lines to use, and where the image-side mean comes from.
 *
 * @param vocabulary {@code laion}, {@code laion_bigrams}, {@code mscoco}, or a path to a UTF-8 text file with one
 *                   concept per line, sorted least to most frequent (default {@code laion}, as the paper recommends)
 * @param size       k, the number of concepts: the <em>last</em> k lines of the vocabulary (default 10000)
 * @param imageMean  {@code published} (SpLiCE's MSCOCO mean for the backbone) or {@code dataset} (computed from the
 *                   training images; required for backbones without a published mean); default {@code published}
 */
public record ConceptsConfig(String vocabulary, Integer size, String imageMean) {
    public static final String DEFAULT_VOCABULARY = "laion";
    /** SpLiCE's published vocabularies; these names always mean them, even where a file of that name exists. */
    public static final java.util.List<String> BUILT_IN_VOCABULARIES = java.util.List.of("laion", "laion_bigrams", "mscoco");
    public static final int DEFAULT_SIZE = 10_000;
    public static final String PUBLISHED = "published";
    public static final String DATASET = "dataset";
    private static final Set<String> IMAGE_MEAN_SOURCES = Set.of(PUBLISHED, DATASET);

    public ConceptsConfig {
        vocabulary = vocabulary == null ? DEFAULT_VOCABULARY : vocabulary.strip();
        InvalidArgumentException.require(!vocabulary.isEmpty(), "concepts.vocabulary",
                "name laion, laion_bigrams, mscoco or a vocabulary file", "an empty value");
        size = size == null ? DEFAULT_SIZE : size;
        InvalidArgumentException.require(size > 0, "concepts.size", "be > 0", size);
        imageMean = imageMean == null ? PUBLISHED : imageMean.strip().toLowerCase(Locale.ROOT);
        InvalidArgumentException.require(IMAGE_MEAN_SOURCES.contains(imageMean), "concepts.image_mean",
                "be published or dataset", imageMean);
    }

    /** This choice with another vocabulary (e.g. a file name resolved against the config's folder). */
    public ConceptsConfig withVocabulary(String newVocabulary) {
        return new ConceptsConfig(newVocabulary, size, imageMean);
    }

    /** The defaults: laion, 10000 concepts, the published image mean. */
    public static ConceptsConfig defaults() {
        return new ConceptsConfig(null, null, null);
    }

    /** True when the image mean is to be computed from a dataset rather than read from SpLiCE's published files. */
    public boolean imageMeanFromDataset() {
        return DATASET.equals(imageMean);
    }
}
