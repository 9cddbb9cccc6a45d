package org.splicecbm.concepts;

import java.util.List;

/**
 * SpLiCE's concept dictionary C (Bhalla et al., NeurIPS 2024, Sec. 4.1): one row per concept, each the CLIP text
 * embedding of the concept, L2-normalised, centred on the dictionary's mean row and L2-normalised again.
 *
 * @param concepts   the concept names, row order (the last k vocabulary lines, least frequent first)
 * @param vectors    c x d rows, unit norm (a zero row only if a concept equals the mean exactly); shared, not
 *                   copied, because dictionaries reach 37,445 x 1024: callers must not modify it
 * @param provenance what the dictionary was built from
 */
public record ConceptDictionary(List<String> concepts, float[][] vectors, DictionaryProvenance provenance) {

    public ConceptDictionary {
        concepts = List.copyOf(concepts);
        if (vectors.length != concepts.size()) {
            throw new IllegalArgumentException("a dictionary needs one row per concept: " + concepts.size()
                    + " concepts but " + vectors.length + " rows");
        }
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != provenance.embeddingDim()) {
                throw new IllegalArgumentException("dictionary row " + i + " (\"" + concepts.get(i) + "\") has "
                        + vectors[i].length + " values, the provenance says d = " + provenance.embeddingDim());
            }
        }
    }

    /** c, the number of concepts. */
    public int size() {
        return concepts.size();
    }

    /** d, the embedding width. */
    public int dim() {
        return provenance.embeddingDim();
    }
}
