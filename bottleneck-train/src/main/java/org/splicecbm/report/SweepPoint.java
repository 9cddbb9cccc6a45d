package org.splicecbm.report;

/**
 * One point of a sweep's page: a (SpLiCE l1, vocabulary size, probe penalty) combination with the sparsity of
 * its SpLiCE features (mean L0, mean cosine of the reconstruction), the probe's NEC and its accuracies.
 */
public record SweepPoint(double spliceL1, int vocabularySize, double probeL1, double meanL0, double meanCosine, double nec,
                         double valAccuracy, double testAccuracy) {}
