package org.splicecbm.probe;

/**
 * The full loss and gradient of the probe's smooth part ({@code sum_i s_i CE_i} of {@link SoftmaxLasso})
 * at given parameters: what the exact solver's optimality certificate and working-set choice need. Two
 * kernels compute the same numbers: {@link Nd4jGradientKernel} (ND4J ops, O(nonzeros)) and
 * {@link JavaGradientKernel} (a loop over CSR rows); {@code benchmarks/probe.md} compares them.
 */
interface GradientKernel extends AutoCloseable {

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
