package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link VectorKernels} gives the same dot products, maxima and filters as {@link ScalarKernels}, which computes what they promise. */
class SolverKernelsTest {
    private static final int[] LENGTHS = {1, 2, 7, 8, 13, 15, 16, 17, 63, 64, 65, 100, 512, 1000, 10000};
    private static final SolverKernels VECTOR = new VectorKernels();
    private static final SolverKernels SCALAR = new ScalarKernels();

    @Test
    void testJvmHasTheVectorModuleAndUsesIt() {
        assertTrue(KernelChoice.vectorModulePresent(), "surefire must start the test JVM with jdk.incubator.vector");
        assertInstanceOf(VectorKernels.class, SolverKernels.BEST, "BEST must be the vector kernels when the module is present");
    }

    @Test
    void dotProductsAgreeBitForBitAndAreAccurate() {
        Random random = new Random(1);
        for (int n : LENGTHS) {
            for (int trial = 0; trial < 5; trial++) {
                float[] a = floats(random, n);
                float[] f = floats(random, n);
                double[] d = doubles(random, n);
                assertSameBits(SCALAR.dot(a, d), VECTOR.dot(a, d), "dot(float[], double[]) of length " + n);
                assertSameBits(SCALAR.dot(a, f), VECTOR.dot(a, f), "dot(float[], float[]) of length " + n);
                assertAccurate(a, d, SCALAR.dot(a, d));
                double[] fWide = new double[n];
                for (int k = 0; k < n; k++) {
                    fWide[k] = f[k];
                }
                assertAccurate(a, fWide, SCALAR.dot(a, f));
            }
        }
    }

    @Test
    void batchedDotsEqualSingleDots() {
        Random random = new Random(2);
        for (int n : new int[] {1, 7, 8, 13, 64, 100, 512}) {
            float[][] rows = new float[12][];
            for (int j = 0; j < rows.length; j++) {
                rows[j] = floats(random, n);
            }
            float[] f = floats(random, n);
            double[] d = doubles(random, n);
            for (int count = 0; count <= 9; count++) {
                int[] ids = new int[count];
                for (int m = 0; m < count; m++) {
                    ids[m] = random.nextInt(rows.length); // repeats allowed
                }
                double[][] outs = {new double[count], new double[count], new double[count], new double[count]};
                SCALAR.dots(rows, ids, count, d, outs[0]);
                VECTOR.dots(rows, ids, count, d, outs[1]);
                SCALAR.dots(rows, ids, count, f, outs[2]);
                VECTOR.dots(rows, ids, count, f, outs[3]);
                for (int m = 0; m < count; m++) {
                    String what = "dots of length " + n + ", count " + count + ", slot " + m;
                    assertSameBits(SCALAR.dot(rows[ids[m]], d), outs[0][m], "scalar " + what + " (double b)");
                    assertSameBits(outs[0][m], outs[1][m], "vector " + what + " (double b)");
                    assertSameBits(SCALAR.dot(rows[ids[m]], f), outs[2][m], "scalar " + what + " (float b)");
                    assertSameBits(outs[2][m], outs[3][m], "vector " + what + " (float b)");
                }
            }
        }
    }

    @Test
    void blockMaximaAndFiltersAgree() {
        Random random = new Random(3);
        for (int trial = 0; trial < 3000; trial++) {
            int length = 1 + random.nextInt(trial % 10 == 0 ? 300 : 70);
            int from = random.nextInt(5);
            float[] values = floats(random, from + length + random.nextInt(3));
            if (trial % 3 == 0) { // ties
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) Math.round(values[k] * 4) / 4;
                }
            }
            float naiveMax = Float.NEGATIVE_INFINITY;
            for (int k = from; k < from + length; k++) {
                naiveMax = Math.max(naiveMax, values[k]);
            }
            String what = "length " + length + " from " + from + ", trial " + trial;
            assertEquals(naiveMax, SCALAR.blockMax(values, from, length), "scalar blockMax is the maximum, " + what);
            assertSameBits(SCALAR.blockMax(values, from, length), VECTOR.blockMax(values, from, length), "blockMax, " + what);

            float threshold = trial % 4 == 0 ? values[from + random.nextInt(length)] : (float) random.nextGaussian();

            int count = random.nextInt(4);
            int first = random.nextInt(1000);
            int[][] ids = {new int[count + length], new int[count + length]};
            float[][] kept = {new float[count + length], new float[count + length]};
            int[] n = {SCALAR.keepAtLeast(values, from, length, threshold, first, ids[0], kept[0], count),
                    VECTOR.keepAtLeast(values, from, length, threshold, first, ids[1], kept[1], count)};
            int expected = count;
            for (int m = 0; m < length; m++) {
                if (values[from + m] >= threshold) {
                    assertEquals(first + m, ids[0][expected], "scalar keepAtLeast keeps ids in index order, " + what);
                    assertSameBits(values[from + m], kept[0][expected++], "scalar keepAtLeast keeps values, " + what);
                }
            }
            assertEquals(expected, n[0], "scalar keepAtLeast count equals a naive filter, " + what);
            assertEquals(n[0], n[1], "keepAtLeast count, " + what);
            for (int m = count; m < n[0]; m++) {
                assertEquals(ids[0][m], ids[1][m], "keepAtLeast id " + m + ", " + what);
                assertSameBits(kept[0][m], kept[1][m], "keepAtLeast value " + m + ", " + what);
            }
        }
    }

    @Test
    void offsetDoubleDotsAgree() {
        Random random = new Random(11);
        for (int length : new int[] {0, 1, 7, 8, 15, 16, 17, 40, 119, 200}) {
            for (int trial = 0; trial < 20; trial++) {
                int aFrom = random.nextInt(5);
                int bFrom = random.nextInt(5);
                double[] a = doubles(random, aFrom + length + random.nextInt(3));
                double[] b = doubles(random, bFrom + length + random.nextInt(3));
                double scalar = SCALAR.dot(a, aFrom, b, bFrom, length);
                String what = "length " + length + " offsets " + aFrom + "/" + bFrom + ", trial " + trial;
                assertSameBits(scalar, VECTOR.dot(a, aFrom, b, bFrom, length), "offset double dot, " + what);
                BigDecimal exact = BigDecimal.ZERO;
                double magnitude = 0;
                for (int k = 0; k < length; k++) {
                    exact = exact.add(new BigDecimal(a[aFrom + k]).multiply(new BigDecimal(b[bFrom + k])));
                    magnitude += Math.abs(a[aFrom + k] * b[bFrom + k]);
                }
                double error = Math.abs(exact.subtract(new BigDecimal(scalar)).doubleValue());
                assertTrue(error <= 1e-13 * Math.max(magnitude, Double.MIN_NORMAL), "offset double dot within 1e-13"
                        + " of sum |a_k b_k|, " + what + ": " + error);
            }
        }
    }

    /** The interface promises the same bits for every finite input; +0 and -0 are finite inputs. */
    @Test
    void signedZerosGiveTheSameBits() {
        float[] long1 = new float[40];
        java.util.Arrays.fill(long1, -1f);
        long1[0] = -0f;
        long1[1] = 0f;
        float[][] inputs = {{-0f, -1f, 0f}, {-0f, 0f}, {0f, -0f, -2f}, long1};
        for (float[] values : inputs) {
            assertSameBits(SCALAR.blockMax(values, 0, values.length), VECTOR.blockMax(values, 0, values.length),
                    "blockMax of " + java.util.Arrays.toString(values));
        }
    }

    private static void assertAccurate(float[] a, double[] b, double actual) {
        BigDecimal exact = BigDecimal.ZERO;
        double magnitude = 0;
        for (int k = 0; k < a.length; k++) {
            exact = exact.add(new BigDecimal(a[k]).multiply(new BigDecimal(b[k])));
            magnitude += Math.abs((double) a[k] * b[k]);
        }
        double error = Math.abs(exact.subtract(new BigDecimal(actual)).doubleValue());
        assertTrue(error <= 1e-12 * magnitude, "dot of length " + a.length + " within 1e-12 of sum |a_k b_k|: " + error);
    }

    /** Random values with signs and magnitudes from 1e-3 to 1e3. */
    static float[] floats(Random random, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
        }
        return v;
    }

    static double[] doubles(Random random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
        }
        return v;
    }

    static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + " must have the same bits: " + expected + " vs " + actual);
    }

    static void assertSameBits(float expected, float actual, String what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
                what + " must have the same bits: " + expected + " vs " + actual);
    }
}
