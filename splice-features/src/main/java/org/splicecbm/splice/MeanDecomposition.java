package org.splicecbm.splice;

import java.util.List;
import org.splicecbm.decompose.DecompositionSummary;

/**
 * What SpLiCE's {@code decompose_dataset} returns, and one class of {@code decompose_classes} (Bhalla et al.,
 * NeurIPS 2024; reference {@code splice/splice.py}): the mean concept weights of a group of images, their mean L0
 * norm and mean cosine, with the concept names to read the weights by. The cosine mean is per image and leaves out
 * the NaN cosines of all-zero embeddings ({@link DecompositionSummary}); the reference adds one cosine value per
 * batch and divides by the image count, which is this per-image mean when that value is the batch's sum.
 */
public final class MeanDecomposition {
    private final DecompositionSummary summary;
    private final Integer label;
    private final List<String> concepts;

    private MeanDecomposition(DecompositionSummary summary, Integer label, List<String> concepts) {
        this.summary = summary;
        this.label = label;
        this.concepts = concepts;
    }

    /** All images of a summary. */
    static MeanDecomposition overall(DecompositionSummary summary, List<String> concepts) {
        return new MeanDecomposition(summary, null, concepts);
    }

    /** The images of one class label of a summary. */
    static MeanDecomposition ofClass(DecompositionSummary summary, int label, List<String> concepts) {
        summary.count(label); // fails now, naming the labels seen, rather than on first use
        return new MeanDecomposition(summary, label, concepts);
    }

    /** Mean weight of each concept, dictionary order. */
    public double[] meanWeights() {
        return label == null ? summary.meanWeights() : summary.meanWeights(label);
    }

    /** Mean number of nonzero weights per image. */
    public double meanL0() {
        return label == null ? summary.meanL0() : summary.meanL0(label);
    }

    /** Mean cosine of the SpLiCE and CLIP embeddings. */
    public double meanCosine() {
        return label == null ? summary.meanCosine() : summary.meanCosine(label);
    }

    /** Number of images. */
    public long count() {
        return label == null ? summary.count() : summary.count(label);
    }

    /** The concept names, dictionary order. */
    public List<String> concepts() {
        return concepts;
    }

    /** The {@code n} concepts with the largest positive mean weight, largest first (ties: dictionary order). */
    public List<WeightedConcept> topConcepts(int n) {
        List<DecompositionSummary.ConceptWeight> top = label == null ? summary.topConcepts(n) : summary.topConcepts(label, n);
        return top.stream().map(w -> new WeightedConcept(concepts.get(w.concept()), w.concept(), w.weight())).toList();
    }
}
