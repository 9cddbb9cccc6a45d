package org.splicecbm.analysis.shift;

import org.splicecbm.analysis.stats.Interval;

/**
 * How one concept changed from the reference set to the current set. Prevalence is the share of images
 * whose weight on the concept is {@code > 0}; mean weight averages over all images (zeros included).
 *
 * @param difference        {@code prevalenceCurrent - prevalenceReference}; with class stratification the
 *                          class-standardised difference (class weights = pooled class shares)
 * @param differenceCi      95% interval of {@code difference} (Newcombe; Wald when stratified)
 * @param pValue            prevalence test: pooled two-proportion z-test, or Cochran-Mantel-Haenszel when stratified
 * @param qValue            Benjamini-Hochberg adjusted {@code pValue} over the tested concepts
 * @param weightDifferenceCi 95% Welch (normal) interval of the mean-weight difference
 * @param weightPValue      Mann-Whitney U test of the weights (all images, zeros included)
 * @param weightQValue      Benjamini-Hochberg adjusted {@code weightPValue}
 */
public record ConceptShift(String concept, long activeReference, long activeCurrent,
                           double prevalenceReference, double prevalenceCurrent, double difference, Interval differenceCi,
                           double pValue, double qValue,
                           double meanWeightReference, double meanWeightCurrent, Interval weightDifferenceCi,
                           double weightPValue, double weightQValue) {

    public double weightDifference() {
        return meanWeightCurrent - meanWeightReference;
    }

    ConceptShift withQValues(double q, double weightQ) {
        return new ConceptShift(concept, activeReference, activeCurrent, prevalenceReference, prevalenceCurrent, difference,
                differenceCi, pValue, q, meanWeightReference, meanWeightCurrent, weightDifferenceCi, weightPValue, weightQ);
    }
}
