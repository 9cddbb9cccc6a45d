package org.splicecbm.splice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.decompose.DecompositionSummary;

/**
 * What SpLiCE's {@code decompose_classes} returns (Bhalla et al., NeurIPS 2024; reference {@code splice/splice.py}):
 * the mean decomposition of every class label (or of the one target label), and the mean L0 and cosine over all the
 * images decomposed.
 *
 * @param byLabel    class label to its mean decomposition, increasing labels
 * @param meanL0     mean L0 over every image decomposed
 * @param meanCosine mean cosine over every image decomposed
 */
public record ClassDecompositions(Map<Integer, MeanDecomposition> byLabel, double meanL0, double meanCosine) {

    public ClassDecompositions {
        byLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
    }

    static ClassDecompositions of(DecompositionSummary summary, List<String> concepts) {
        Map<Integer, MeanDecomposition> byLabel = new LinkedHashMap<>();
        for (int label : summary.classes()) {
            byLabel.put(label, MeanDecomposition.ofClass(summary, label, concepts));
        }
        return new ClassDecompositions(byLabel, summary.meanL0(), summary.meanCosine());
    }

    /** The mean decomposition of class {@code label}; an error naming the labels present when it has no images. */
    public MeanDecomposition of(int label) {
        MeanDecomposition d = byLabel.get(label);
        if (d == null) {
            throw new IllegalArgumentException("no images with class label " + label + " were decomposed; labels present: "
                    + byLabel.keySet());
        }
        return d;
    }
}
