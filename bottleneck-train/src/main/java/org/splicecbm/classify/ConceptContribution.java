package org.splicecbm.classify;

/**
 * How much one concept pushed a prediction toward its class: the image's SpLiCE weight of the concept times the
 * probe's coefficient of that concept for the predicted class (its share of the class logit; Bhalla et al.,
 * NeurIPS 2024, Sec. 6).
 *
 * @param concept      the concept's text
 * @param index        its column (dictionary row)
 * @param weight       the image's SpLiCE weight
 * @param coefficient  the probe's coefficient for the predicted class
 * @param contribution {@code weight * coefficient}
 */
public record ConceptContribution(String concept, int index, double weight, double coefficient, double contribution) {}
