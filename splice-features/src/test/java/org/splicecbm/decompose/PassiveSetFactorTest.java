package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * After any sequence of appends and removals the factor solves the Gram block of its rows (to 1e-9 of
 * the terms' scale) and agrees with a factorization built without the removed rows.
 */
class PassiveSetFactorTest {
    private static final double PIVOT_FLOOR = 1e-10;
    private static final int SLOTS = 80;

    @Test
    void updatedFactorEqualsAFreshFactorization() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(SLOTS, 128, 71);
        double[] gram = gram(dictionary);
        Random random = new Random(72);
        PassiveSetFactor factor = new PassiveSetFactor();
        List<Integer> rows = new ArrayList<>();
        int removals = 0;
        for (int step = 0; step < 600; step++) {
            if (rows.size() > 2 && (random.nextInt(3) == 0 || rows.size() > 60)) {
                int row = random.nextInt(rows.size());
                factor.remove(row);
                rows.remove(row);
                removals++;
            } else {
                int slot = random.nextInt(SLOTS);
                if (!rows.contains(slot)) {
                    assertTrue(factor.append(slot, gram, slot * SLOTS, PIVOT_FLOOR), "independent rows are accepted");
                    rows.add(slot);
                }
            }
            assertEquals(rows.size(), factor.size());
            for (int k = 0; k < rows.size(); k++) {
                assertEquals(rows.get(k), factor.slot(k), "row order is kept at step " + step);
            }
            if (step % 25 == 0) {
                assertSolves(factor, gram, rows, random, "step " + step);
            }
        }
        assertTrue(removals > 100, "removals exercised: " + removals);
    }

    @Test
    void removalsFromEveryPositionAgreeWithRefactoring() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(SLOTS, 128, 73);
        double[] gram = gram(dictionary);
        for (int removed = 0; removed < 30; removed++) {
            PassiveSetFactor updated = new PassiveSetFactor();
            PassiveSetFactor fresh = new PassiveSetFactor();
            for (int slot = 0; slot < 30; slot++) {
                updated.append(slot, gram, slot * SLOTS, PIVOT_FLOOR);
                if (slot != removed) {
                    fresh.append(slot, gram, slot * SLOTS, PIVOT_FLOOR);
                }
            }
            updated.remove(removed);
            double[] rhs = new Random(removed).doubles(29, -1, 1).toArray();
            double[] a = new double[29];
            double[] b = new double[29];
            updated.solve(rhs, a);
            fresh.solve(rhs, b);
            for (int k = 0; k < 29; k++) {
                assertEquals(b[k], a[k], 1e-10 * Math.max(1, Math.abs(b[k])), "x[" + k + "] after removing row " + removed);
            }
        }
    }

    @Test
    void aDuplicateConceptIsRefusedAndLeavesTheFactorAsItWas() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(SLOTS, 128, 74);
        dictionary[5] = dictionary[2].clone();
        double[] gram = gram(dictionary);
        PassiveSetFactor factor = new PassiveSetFactor();
        for (int slot = 0; slot < 5; slot++) {
            assertTrue(factor.append(slot, gram, slot * SLOTS, PIVOT_FLOOR));
        }
        assertFalse(factor.append(5, gram, 5 * SLOTS, PIVOT_FLOOR), "a copy of concept 2 has no pivot");
        assertEquals(5, factor.size());
        assertSolves(factor, gram, List.of(0, 1, 2, 3, 4), new Random(75), "after the refusal");
        factor.remap(new int[] {4, 3, 2, 1, 0, 5});
        assertEquals(4, factor.slot(0));
        assertEquals(0, factor.slot(4));
    }

    /** {@code Q_PP x = rhs} holds to 1e-9 of the scale of its terms. */
    private static void assertSolves(PassiveSetFactor factor, double[] gram, List<Integer> rows, Random random, String what) {
        int n = rows.size();
        double[] rhs = random.doubles(n, -1, 1).toArray();
        double[] x = new double[n];
        factor.solve(rhs, x);
        for (int a = 0; a < n; a++) {
            double sum = 0;
            double scale = Math.abs(rhs[a]);
            for (int b = 0; b < n; b++) {
                double term = gram[rows.get(a) * SLOTS + rows.get(b)] * x[b];
                sum += term;
                scale += Math.abs(term);
            }
            assertEquals(rhs[a], sum, 1e-9 * scale, "row " + a + " of the system, " + what);
        }
    }

    private static double[] gram(float[][] dictionary) {
        double[] gram = new double[SLOTS * SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            for (int j = 0; j < SLOTS; j++) {
                double sum = 0;
                for (int k = 0; k < dictionary[i].length; k++) {
                    sum += (double) dictionary[i][k] * dictionary[j][k];
                }
                gram[i * SLOTS + j] = sum;
            }
        }
        return gram;
    }
}
