package org.splicecbm.probe;

/**
 * Runs epochs of minibatch optimisation of a {@link TrainingProblem}. Two implementations: the
 * hand-written sparse one ({@link SparseSoftmaxEngine}, default) and a DL4J network fit on dense
 * minibatches ({@link Dl4jSoftmaxEngine}); both apply the same proximal L1 step.
 */
interface TrainingEngine {

    /** One pass over the training rows in the given order; returns the mean training loss of the pass. */
    double runEpoch(int[] order);

    /** A copy of the current parameters. */
    LinearWeights snapshot();
}
