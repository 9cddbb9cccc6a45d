package org.splicecbm.probe;

/**
 * Metrics after one training epoch, as logged step by step by the run tracker.
 *
 * @param trainLoss mean class-weighted cross-entropy over the epoch's minibatches (before each update;
 *                  the dl4j engine reports DL4J's score, which also includes the L2 term)
 * @param valLoss mean class-weighted cross-entropy on the validation split, NaN without one
 * @param valAccuracy accuracy on the validation split, NaN without one
 * @param nonzeroWeights weights that are exactly nonzero
 * @param effectiveConcepts concepts with a nonzero weight for any class
 * @param seconds wall time of the epoch including validation
 */
public record EpochMetrics(int epoch, double trainLoss, double valLoss, double valAccuracy, long nonzeroWeights,
                           int effectiveConcepts, double seconds) {}
