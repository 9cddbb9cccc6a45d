package org.splicecbm.decompose;

import static org.splicecbm.decompose.SolverKernelsTest.assertSameBits;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link VectorKernels} refreshes (Gram rows, scaled subtraction) with the bits of {@link ScalarKernels}, which rounds each step as promised. */
class SolverKernelsRefreshTest {
    private static final int[] LENGTHS = {1, 2, 7, 8, 13, 15, 16, 17, 63, 64, 65, 100, 512, 1000, 10000};
    private static final SolverKernels VECTOR = new VectorKernels();
    private static final SolverKernels SCALAR = new ScalarKernels();

    @Test
    void gramRefreshesAgreeAndRoundEachStep() {
        Random random = new Random(4);
        for (int c : new int[] {1, 7, 13, 16, 64, 100, 1000}) {
            for (int count = 0; count <= 9; count++) {
                short[][] rows = new short[count][c];
                float[] weights = new float[count];
                for (int s = 0; s < count; s++) {
                    weights[s] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(5) - 6));
                    for (int j = 0; j < c; j++) {
                        rows[s][j] = (short) (random.nextInt(65535) - 32767);
                    }
                }
                int offset = random.nextInt(5);
                float[] source = SolverKernelsTest.floats(random, offset + c);
                float[] naive = new float[c];
                for (int j = 0; j < c; j++) {
                    float v = source[offset + j];
                    for (int s = 0; s < count; s++) {
                        float product = weights[s] * rows[s][j];
                        v = v - product;
                    }
                    naive[j] = v;
                }
                float[] scalar = new float[c];
                float[] vector = new float[c];
                SCALAR.subtractRows(scalar, source, offset, c, weights, rows, count);
                VECTOR.subtractRows(vector, source, offset, c, weights, rows, count);
                for (int j = 0; j < c; j++) {
                    String what = "subtractRows c " + c + " count " + count + " entry " + j;
                    assertSameBits(naive[j], scalar[j], "scalar " + what + " rounds product and difference in order");
                    assertSameBits(scalar[j], vector[j], "vector " + what);
                }
            }
        }
    }

    @Test
    void scaledSubtractionAgrees() {
        Random random = new Random(5);
        for (int n : LENGTHS) {
            double[] r = SolverKernelsTest.doubles(random, n);
            float[] row = SolverKernelsTest.floats(random, n);
            double w = random.nextGaussian() * 3;
            double[] scalar = r.clone();
            double[] vector = r.clone();
            SCALAR.subtractScaled(scalar, w, row);
            VECTOR.subtractScaled(vector, w, row);
            for (int k = 0; k < n; k++) {
                assertSameBits(r[k] - w * row[k], scalar[k], "scalar subtractScaled length " + n + " entry " + k);
                assertSameBits(scalar[k], vector[k], "subtractScaled length " + n + " entry " + k);
            }
        }
    }
}
