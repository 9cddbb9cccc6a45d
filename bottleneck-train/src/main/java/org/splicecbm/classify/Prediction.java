package org.splicecbm.classify;

import java.util.List;

/**
 * One image's prediction by an {@link ImageClassifier}: the class, every class's probability, and the concept
 * contributions to the predicted class, largest first.
 *
 * @param classIndex    the predicted class (the largest probability; ties: the lowest index)
 * @param className     its name
 * @param probabilities softmax probability of every class, class order
 * @param contributions the concepts with nonzero weight x coefficient for the predicted class, largest first
 */
public record Prediction(int classIndex, String className, float[] probabilities, List<ConceptContribution> contributions) {

    public Prediction {
        probabilities = probabilities.clone();
        contributions = List.copyOf(contributions);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The {@code n} largest contributions. */
    public List<ConceptContribution> topContributions(int n) {
        return contributions.subList(0, Math.min(Math.max(n, 0), contributions.size()));
    }
}
