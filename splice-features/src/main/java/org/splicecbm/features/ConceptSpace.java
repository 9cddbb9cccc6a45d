package org.splicecbm.features;

import java.util.List;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;

/**
 * What the feature columns mean and where the centring came from, as recorded in a feature set's
 * {@code concepts.txt} and {@code meta.json}: the concept names of SpLiCE's dictionary in row order
 * (Bhalla et al., NeurIPS 2024, Sec. 4.1), the vocabulary, the dictionary checksum and the image-mean source.
 *
 * @param concepts         concept names, one per dictionary row (= feature column)
 * @param vocabulary       vocabulary name ({@code laion}, a file stem...)
 * @param dictionarySha256 SHA-256 of the centred dictionary matrix
 * @param imageMeanSource  where the image mean came from
 */
public record ConceptSpace(List<String> concepts, String vocabulary, String dictionarySha256, String imageMeanSource) {
    public ConceptSpace {
        concepts = List.copyOf(concepts);
    }

    /** The concept space of a SpLiCE dictionary centred with {@code mean}. */
    public static ConceptSpace of(ConceptDictionary dictionary, ImageMean mean) {
        return new ConceptSpace(dictionary.concepts(), dictionary.provenance().vocabulary(),
                dictionary.provenance().matrixSha256(), mean.source());
    }

    /** The vocabulary size, k: the number of concepts. */
    public int size() {
        return concepts.size();
    }
}
