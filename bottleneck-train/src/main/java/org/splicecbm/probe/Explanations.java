package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.splicecbm.store.CsrMatrix;

/**
 * Reads a probe the way the SpLiCE paper does: the concepts with the largest weights for a class
 * (what the class "is made of"), and for one example the concepts whose weight x concept-value
 * contributed most to its predicted class.
 */
public final class Explanations {
    private Explanations() {}

    /** A concept and its weight for a class. */
    public record ConceptWeight(int column, String concept, float weight) {}

    /** A concept's share of one example's logit: {@code weight * value}. */
    public record Contribution(int column, String concept, float value, float weight, float contribution) {}

    /** The prediction for one example and its largest contributions. */
    public record Explanation(int predictedClass, String predictedName, float probability, List<Contribution> contributions) {}

    /** The {@code n} concepts with the largest positive weights for {@code clazz}, largest first (zero weights excluded). */
    public static List<ConceptWeight> topConcepts(TrainedProbe probe, int clazz, int n) {
        LinearWeights w = probe.weights();
        if (clazz < 0 || clazz >= w.classes()) {
            throw new IllegalArgumentException("class " + clazz + " outside [0, " + w.classes() + ")");
        }
        List<ConceptWeight> all = new ArrayList<>();
        for (int j = 0; j < w.concepts(); j++) {
            if (w.weight(j, clazz) > 0) {
                all.add(new ConceptWeight(j, probe.space().concepts().get(j), w.weight(j, clazz)));
            }
        }
        all.sort(Comparator.comparingDouble((ConceptWeight c) -> -c.weight()).thenComparingInt(ConceptWeight::column));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /** Why {@code row} of {@code features} got its predicted class: the {@code n} largest contributions to that class. */
    public static Explanation explain(TrainedProbe probe, CsrMatrix features, int row, int n) {
        float[] probabilities = probe.probabilities(features, row);
        int predicted = Scoring.argmax(probabilities);
        boolean[] ignored = probe.testMask();
        List<Contribution> contributions = new ArrayList<>();
        for (long k = features.indptr()[row]; k < features.indptr()[row + 1]; k++) {
            int col = features.indices()[(int) k];
            float weight = probe.weights().weight(col, predicted);
            if (ignored[col] || weight == 0f) {
                continue;
            }
            float value = features.data()[(int) k];
            contributions.add(new Contribution(col, probe.space().concepts().get(col), value, weight, value * weight));
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -c.contribution()).thenComparingInt(Contribution::column));
        return new Explanation(predicted, probe.space().classNames().get(predicted), probabilities[predicted],
                List.copyOf(contributions.subList(0, Math.min(n, contributions.size()))));
    }
}
