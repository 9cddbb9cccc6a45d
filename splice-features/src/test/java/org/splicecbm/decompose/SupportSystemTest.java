package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reusing leading Cholesky rows between solves changes no bit, and each solution solves its system. */
class SupportSystemTest {
    private static final SolverKernels EXACT = new ScalarKernels();
    private static final double PIVOT_FLOOR = 1e-10;
    private static final int SLOTS = 60;

    @Test
    void reusedFactorGivesTheBitsOfAFreshOne() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(150, 64, 51);
        Random random = new Random(52);
        int[] members = new int[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            members[i] = i;
        }
        SupportSystem reused = new SupportSystem();
        List<Integer> support = new ArrayList<>(List.of(0, 1, 2));
        int solved = 0;
        int singular = 0;
        int notPositive = 0;
        for (int step = 0; step < 400; step++) {
            mutate(random, support, members, dictionary.length);
            int[] stepMembers = members;
            if (step % 9 == 4 && support.size() > 1) { // for this solve only: a duplicate concept in the support
                stepMembers = members.clone();
                stepMembers[support.get(1 + random.nextInt(support.size() - 1))] = members[support.get(0)];
            }
            double[] gram = gram(dictionary, stepMembers);
            int[] slots = support.stream().mapToInt(Integer::intValue).toArray();
            double l1 = 0.1 + random.nextDouble();
            double[] targetCorrelation = targetCorrelation(random, gram, slots, l1, step % 7 == 0);
            double[] x = reused.solve(gram, SLOTS, slots, stepMembers, targetCorrelation, l1, PIVOT_FLOOR);
            double[] fresh = new SupportSystem().solve(gram, SLOTS, slots, stepMembers, targetCorrelation, l1, PIVOT_FLOOR);
            String what = "step " + step + ", support " + support;
            if (fresh == null) {
                assertNull(x, "a reused factor must fail where a fresh one does, " + what);
                singular += hasDuplicate(slots, stepMembers) ? 1 : 0;
                notPositive += hasDuplicate(slots, stepMembers) ? 0 : 1;
                continue;
            }
            assertTrue(x != null, "a reused factor must succeed where a fresh one does, " + what);
            assertEquals(fresh.length, x.length, "solution length, " + what);
            for (int a = 0; a < x.length; a++) {
                assertEquals(Double.doubleToLongBits(fresh[a]), Double.doubleToLongBits(x[a]), "bits of x[" + a + "], " + what);
            }
            assertSolves(gram, slots, targetCorrelation, l1, x, what);
            solved++;
        }
        assertTrue(solved > 200, "most steps must give a solution: " + solved);
        assertTrue(singular > 0, "duplicate concepts must be refused: " + singular);
        assertTrue(notPositive > 0, "non-positive solutions must be refused: " + notPositive);
    }

    /** The factor is keyed by concept, not slot: a slot taken by another concept, or a new order, is refactored. */
    @Test
    void changedConceptsInTheLeadingSlotsAreRefactored() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(150, 64, 53);
        Random random = new Random(54);
        int[] members = new int[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            members[i] = i;
        }
        SupportSystem reused = new SupportSystem();
        int[][] supports = {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}, {1, 0, 2, 3, 4}, {1, 0, 2}, {1, 0, 2, 3, 4, 5}};
        for (int step = 0; step < supports.length; step++) {
            if (step == 1) {
                members[2] = 100; // same slots, another concept in the third
            }
            double[] gram = gram(dictionary, members);
            double[] targetCorrelation = targetCorrelation(random, gram, supports[step], 0.3, false);
            double[] x = reused.solve(gram, SLOTS, supports[step], members, targetCorrelation, 0.3, PIVOT_FLOOR);
            double[] fresh = new SupportSystem().solve(gram, SLOTS, supports[step], members, targetCorrelation, 0.3,
                    PIVOT_FLOOR);
            assertTrue(x != null && fresh != null, "a positive solution exists at step " + step);
            for (int a = 0; a < x.length; a++) {
                assertEquals(Double.doubleToLongBits(fresh[a]), Double.doubleToLongBits(x[a]),
                        "bits of x[" + a + "] at step " + step);
            }
            assertSolves(gram, supports[step], targetCorrelation, 0.3, x, "step " + step);
        }
    }

    /** Grows, shrinks or reorders the support, or puts another concept in a slot. */
    private static void mutate(Random random, List<Integer> support, int[] members, int concepts) {
        int action = random.nextInt(8);
        if (action <= 2 || support.isEmpty()) { // grow at the end (the common case)
            for (int k = 1 + random.nextInt(3); k > 0 && support.size() < 45; k--) {
                int slot = random.nextInt(SLOTS);
                if (!support.contains(slot)) {
                    support.add(slot);
                }
            }
        } else if (action == 3 && support.size() > 1) { // shrink from the end or the middle
            support.remove(random.nextBoolean() ? support.size() - 1 : random.nextInt(support.size()));
        } else if (action == 4 && support.size() > 1) { // swap two
            Collections.swap(support, random.nextInt(support.size()), random.nextInt(support.size()));
        } else if (action == 5) { // another concept takes a slot (pruning moves members)
            int concept;
            do {
                concept = random.nextInt(concepts);
            } while (contains(members, concept));
            members[random.nextInt(SLOTS)] = concept;
        } else if (action >= 6 && support.size() > 3) { // keep a prefix, then a new order
            int keep = random.nextInt(support.size() - 1);
            List<Integer> tail = new ArrayList<>(support.subList(keep, support.size()));
            Collections.shuffle(tail, random);
            support.subList(keep, support.size()).clear();
            support.addAll(tail);
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static double[] gram(float[][] dictionary, int[] members) {
        double[] gram = new double[SLOTS * SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            for (int k = 0; k < SLOTS; k++) {
                gram[i * SLOTS + k] = EXACT.dot(dictionary[members[i]], dictionary[members[k]]);
            }
        }
        return gram;
    }

    /** {@code Q_AA x + l1/2} for a positive x (or random values, giving some non-positive solutions). */
    private static double[] targetCorrelation(Random random, double[] gram, int[] slots, double l1, boolean randomValues) {
        double[] x = new double[slots.length];
        for (int a = 0; a < x.length; a++) {
            x[a] = randomValues ? random.nextGaussian() : 0.5 + random.nextDouble();
        }
        double[] out = new double[SLOTS];
        for (int a = 0; a < slots.length; a++) {
            double sum = l1 / 2;
            for (int b = 0; b < slots.length; b++) {
                sum += gram[slots[b] * SLOTS + slots[a]] * x[b];
            }
            out[slots[a]] = sum;
        }
        return out;
    }

    private static void assertSolves(double[] gram, int[] slots, double[] targetCorrelation, double l1, double[] x,
                                     String what) {
        double scale = 0;
        double[] residual = new double[slots.length];
        for (int a = 0; a < slots.length; a++) {
            double b = targetCorrelation[slots[a]] - l1 / 2;
            scale = Math.max(scale, Math.abs(b));
            double qx = 0;
            for (int k = 0; k < slots.length; k++) {
                qx += gram[slots[k] * SLOTS + slots[a]] * x[k];
            }
            residual[a] = qx - b;
        }
        for (int a = 0; a < slots.length; a++) {
            assertTrue(Math.abs(residual[a]) <= 1e-10 * scale, "(Q_AA x - b)[" + a + "] = " + residual[a]
                    + " must be within 1e-10 of max |b| " + scale + ", " + what);
        }
    }

    private static boolean hasDuplicate(int[] slots, int[] members) {
        for (int a = 0; a < slots.length; a++) {
            for (int b = 0; b < a; b++) {
                if (members[slots[a]] == members[slots[b]]) {
                    return true;
                }
            }
        }
        return false;
    }
}
