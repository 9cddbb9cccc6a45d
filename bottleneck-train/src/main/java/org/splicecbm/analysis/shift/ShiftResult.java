package org.splicecbm.analysis.shift;

import java.util.List;

/**
 * The outcome of {@link ShiftAnalysis}: one {@link ConceptShift} per tested concept, ranked by q-value
 * then by the size of the prevalence change, and the set-level summary.
 *
 * @param untested          concepts left out by the minimum-activity rule
 * @param minActive         the rule: a concept is tested when it is active in at least this many pooled
 *                          images and inactive in at least this many
 * @param global            the permutation test over all tested concepts
 * @param meanL0Reference   mean nonzero concepts per reference image (and current below)
 * @param meanCosineReference mean cosine of reconstructions, from the reference set's {@code meta.json}
 */
public record ShiftResult(List<ConceptShift> concepts, int untested, int minActive, boolean stratified,
                          long referenceRows, long currentRows, GlobalShiftTest.Outcome global,
                          double meanL0Reference, double meanL0Current, double meanCosineReference, double meanCosineCurrent) {

    /** Concepts with {@code qValue <= alpha}. */
    public List<ConceptShift> discoveries(double alpha) {
        return concepts.stream().filter(c -> c.qValue() <= alpha).toList();
    }
}
