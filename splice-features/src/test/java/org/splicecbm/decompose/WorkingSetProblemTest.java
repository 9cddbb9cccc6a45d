package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The active-set solve of a working set meets the subproblem's KKT conditions, recomputed here from the
 * exact residual (gradient {@code l1 - 2 c_i . r}: 0 on the support, {@code >= 0} off it); duplicate
 * concepts do not break it; and the coordinate-descent fallback with the factor rebuilt after it reaches
 * the same solution.
 */
class WorkingSetProblemTest {
    private static final double TOLERANCE = 1e-11;

    @Test
    void activeSetStepsReachTheSubproblemOptimum() {
        for (double l1 : new double[] {0.02, 0.1, 0.3}) {
            float[][] dictionary = ClipLikeProblem.generate(300, 64, 1, 5, 1.0, 81).dictionary;
            double[] target = target(dictionary, 82);
            WorkingSetProblem problem = problem(dictionary, target, l1, 120);
            problem.solve(TOLERANCE, 20_000);
            double support = assertKkt(problem, dictionary, target, l1, "l1 " + l1);
            assertTrue(support > 3, "a nontrivial support at l1 " + l1 + ": " + support);
        }
    }

    @Test
    void duplicateConceptsAreHandled() {
        float[][] dictionary = ClipLikeProblem.generate(200, 64, 1, 5, 1.0, 83).dictionary;
        for (int copy = 100; copy < 120; copy++) {
            dictionary[copy] = dictionary[copy - 100].clone(); // each of the first 20 concepts twice
        }
        double[] target = target(dictionary, 84);
        WorkingSetProblem problem = problem(dictionary, target, 0.05, 120);
        problem.solve(TOLERANCE, 20_000);
        assertKkt(problem, dictionary, target, 0.05, "with duplicates");
    }

    @Test
    void theCoordinateDescentFallbackAndTheRebuiltFactorReachTheSameSolution() {
        float[][] dictionary = ClipLikeProblem.generate(300, 64, 1, 5, 1.0, 85).dictionary;
        double[] target = target(dictionary, 86);
        WorkingSetProblem full = problem(dictionary, target, 0.05, 100);
        full.solve(TOLERANCE, 20_000);
        WorkingSetProblem capped = problem(dictionary, target, 0.05, 100);
        int calls = 0;
        do { // one active-set step, then one fallback sweep, per call: the factor is rebuilt every time
            capped.solve(TOLERANCE, 1);
            calls++;
        } while (capped.maxViolation() > TOLERANCE && calls < 20_000);
        assertTrue(calls > 3, "the cap forced the fallback: " + calls);
        assertKkt(capped, dictionary, target, 0.05, "capped");
        for (int i = 0; i < full.size(); i++) {
            assertEquals(full.weight(i), capped.weight(i), 1e-8, "weight of member " + i);
        }
    }

    /** Asserts the KKT conditions from the exact residual; returns the support size. */
    private static double assertKkt(WorkingSetProblem problem, float[][] dictionary, double[] target, double l1, String what) {
        double[] residual = new double[target.length];
        problem.residualInto(residual);
        int support = 0;
        for (int i = 0; i < problem.size(); i++) {
            double correlation = 0;
            for (int k = 0; k < residual.length; k++) {
                correlation += dictionary[problem.member(i)][k] * residual[k];
            }
            double gradient = l1 - 2 * correlation;
            if (problem.weight(i) > 0) {
                support++;
                assertEquals(0, gradient, 1e-9, what + ": stationarity of member " + i);
            } else {
                assertTrue(gradient >= -1e-9, what + ": member " + i + " at 0 must not want to grow, gradient " + gradient);
            }
        }
        return support;
    }

    private static WorkingSetProblem problem(float[][] dictionary, double[] target, double l1, int members) {
        double[] squaredNorms = new double[dictionary.length];
        for (int j = 0; j < dictionary.length; j++) {
            for (float v : dictionary[j]) {
                squaredNorms[j] += (double) v * v;
            }
        }
        WorkingSetProblem problem = new WorkingSetProblem(dictionary, squaredNorms, target, l1);
        int[] ids = new int[members];
        double[] correlations = new double[members];
        for (int m = 0; m < members; m++) {
            ids[m] = m;
            for (int k = 0; k < target.length; k++) {
                correlations[m] += dictionary[m][k] * target[k]; // r = z while every weight is 0
            }
        }
        problem.add(ids, correlations, members);
        return problem;
    }

    private static double[] target(float[][] dictionary, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] target = new double[dictionary[0].length];
        for (int t = 0; t < 6; t++) {
            float[] concept = dictionary[random.nextInt(dictionary.length)];
            double weight = 0.2 + random.nextDouble();
            for (int k = 0; k < target.length; k++) {
                target[k] += weight * concept[k];
            }
        }
        for (int k = 0; k < target.length; k++) {
            target[k] += 0.05 * random.nextGaussian();
        }
        return target;
    }
}
