package org.splicecbm.probe;

import org.splicecbm.probe.ProbeConfig;

/**
 * The full loss and gradient of the probe's smooth part ({@code sum_i s_i CE_i} of {@link SoftmaxLasso})
 * at given parameters: what the exact solver's optimality certificate and working-set choice need. Two
 * kernels compute the same numbers: {@link Nd4jGradientKernel} (ND4J ops, O(nonzeros)) and
 * {@link JavaGradientKernel} (a loop over CSR rows); {@code benchmarks/probe.md} compares them.
 */
public interface GradientKernel extends AutoCloseable {

    /**
     * The kernel {@code config.kernel()} names for the loss of {@code train} (class weights and training-time
     * suppression as configured).
     */
    static GradientKernel of(TrainingData train, ProbeConfig config) {
        int[] suppressed = ConceptSuppression.resolve(train.space().concepts(), config.suppressConcepts());
        return ExactTraining.kernel(ExactTraining.problem(train, config, ExactTraining.trainingSuppression(config, suppressed)),
                config.kernel());
    }

    /**
     * @param weights concept-major {@code concepts x classes}
     * @param gradient filled with the loss gradient of each weight (same layout)
     * @param biasGradient filled with the loss gradient of each class bias
     * @return the loss {@code sum_i s_i CE_i}
     */
    double lossAndGradient(double[] weights, double[] bias, double[] gradient, double[] biasGradient);

    @Override
    default void close() {}
}
