package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ND4J and Java gradient kernels compute the same loss and gradient, and both match finite differences. */
class GradientKernelTest {

    @Test
    void nd4jAndJavaKernelsAgreeAndMatchFiniteDifferences() {
        TrainingData train = new PlantedConcepts(30, 4, 0.6, 4).sample(200, 41, null);
        SoftmaxLasso problem = ExactFixtures.problem(train, 1e-3, 0, true);
        Random random = new Random(5);
        double[] w = new double[30 * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble() < 0.3 ? random.nextGaussian() : 0;
        }
        double[] b = {0.1, -0.2, 0.3, 0};
        double[] gJava = new double[w.length];
        double[] bJava = new double[4];
        double[] gNd4j = new double[w.length];
        double[] bNd4j = new double[4];
        GradientKernel java = new JavaGradientKernel(problem);
        double lossJava = java.lossAndGradient(w, b, gJava, bJava);
        double lossNd4j;
        try (GradientKernel nd4j = new Nd4jGradientKernel(problem)) {
            lossNd4j = nd4j.lossAndGradient(w, b, gNd4j, bNd4j);
        }
        assertEquals(lossJava, lossNd4j, 1e-12);
        for (int i = 0; i < w.length; i++) {
            assertEquals(gJava[i], gNd4j[i], 1e-12, "weight gradient " + i);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(bJava[k], bNd4j[k], 1e-12, "bias gradient " + k);
        }
        double h = 1e-6;
        for (int i : new int[] {0, 7, 33, 90, 119}) {
            double[] plus = w.clone();
            plus[i] += h;
            double[] minus = w.clone();
            minus[i] -= h;
            double numeric = (java.lossAndGradient(plus, b, new double[w.length], new double[4])
                    - java.lossAndGradient(minus, b, new double[w.length], new double[4])) / (2 * h);
            assertEquals(numeric, gJava[i], 1e-7, "finite difference of weight " + i);
        }
    }
}
