package org.splicecbm.decompose;

import java.util.Arrays;
import org.splicecbm.store.CsrMatrix;

/** A child-JVM program for {@link KernelChoiceTest}: prints the kernels in use and a hash of a solve's weight bits. */
public final class KernelChoiceProbe {
    private KernelChoiceProbe() {}

    public static void main(String[] args) {
        ClipLikeProblem problem = ClipLikeProblem.generate(2000, 128, 64, 8, 1.0, 5);
        CsrMatrix weights;
        try (NonnegativeLasso solver = new NonnegativeLasso(problem.dictionary, SolverOptions.defaults().withThreads(2))) {
            weights = solver.solve(problem.targets, 0.2).weights();
        }
        int[] bits = new int[weights.data().length];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = Float.floatToRawIntBits(weights.data()[k]);
        }
        long hash = 31L * (31L * Arrays.hashCode(bits) + Arrays.hashCode(weights.indices())) + Arrays.hashCode(weights.indptr());
        String kernels = SolverKernels.BEST.getClass().getSimpleName();
        // VectorDotProducts is touched only when the vector kernels run (without the module it cannot load)
        System.out.println("kernels=" + kernels + (kernels.equals("VectorKernels")
                ? (VectorDotProducts.WIDE ? "/512" : "/256") : ""));
        System.out.println("nnz=" + weights.nnz());
        System.out.println("hash=" + Long.toHexString(hash));
    }
}
