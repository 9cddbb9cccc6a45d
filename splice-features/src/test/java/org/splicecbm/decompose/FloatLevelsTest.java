package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Float compares with {@link FloatLevels} decide exactly as double compares with the threshold would. */
class FloatLevelsTest {

    @Test
    void floatLevelsDecideAsDoubleComparesDo() {
        Random random = new Random(21);
        for (int trial = 0; trial < 200_000; trial++) {
            double x = sample(random, trial);
            float atLeast = FloatLevels.atLeast(x);
            float atMost = FloatLevels.atMost(x);
            float near = (float) x;
            float[] candidates = {near, Math.nextUp(near), Math.nextDown(near), Math.nextUp(Math.nextUp(near)),
                    Math.nextDown(Math.nextDown(near)), atLeast, atMost, -near, 0f, -0f};
            for (float v : candidates) {
                assertEquals(v >= x, v >= atLeast, "v >= x iff v >= atLeast(x), for x " + x + ", v " + v);
                assertEquals(v <= x, v <= atMost, "v <= x iff v <= atMost(x), for x " + x + ", v " + v);
            }
        }
    }

    /** Doubles exactly on floats, between floats, tiny, huge, negative and zero. */
    private static double sample(Random random, int trial) {
        switch (trial % 6) {
            case 0:
                return (float) (random.nextGaussian() * 3); // exactly a float
            case 1:
                return random.nextGaussian() * Math.pow(10, random.nextInt(90) - 45); // also beyond the float range
            case 2:
                return (double) (float) random.nextGaussian() + Math.ulp((float) 1) * random.nextGaussian() * 1e-3;
            case 3:
                return (trial % 12 == 3 ? 1 : -1) * Double.MIN_VALUE * random.nextInt(1000); // below the float range
            case 4:
                return random.nextDouble() * 1e-39; // subnormal floats
            default:
                return Math.nextUp((double) (float) random.nextGaussian()) * (random.nextBoolean() ? 1 : -1);
        }
    }
}
