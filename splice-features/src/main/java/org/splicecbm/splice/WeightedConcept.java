package org.splicecbm.splice;

/**
 * One concept of a SpLiCE decomposition (Bhalla et al., NeurIPS 2024) with its weight, as SpLiCE's
 * {@code decompose_image.py} prints it.
 *
 * @param concept the concept's text
 * @param index   its row in the concept dictionary (= its column in the weights)
 * @param weight  its weight (a single image's, or a mean)
 */
public record WeightedConcept(String concept, int index, double weight) {}
