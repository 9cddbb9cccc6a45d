package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact solver against scikit-learn's {@code LogisticRegression(solver="saga")} run to {@code tol=1e-10}
 * at three penalties (L1, elastic net, balanced class weights): objective within 1e-6 relative, every
 * coefficient within 1e-3, the same support and the same test accuracy. The data has an odd number of
 * classes: softmax is unchanged when one concept's weights of every class move by the same amount, and with an
 * even class count the L1 norm of that row can be flat over an interval of such moves, so the optimal support
 * is not unique there (both solvers then reach the same objective with different zero patterns).
 */
class ExactSolverParityTest {
    private static final PlantedConcepts DATA = new PlantedConcepts(40, 5, 0.55, 5);
    private static final List<Double> PENALTIES = List.of(1e-2, 3e-3, 1e-3);

    @Test
    void lassoMatchesScikitLearnAtThreePenalties(@TempDir Path dir) throws Exception {
        compare(dir, 0, false);
    }

    @Test
    void elasticNetWithBalancedWeightsMatchesScikitLearn(@TempDir Path dir) throws Exception {
        compare(dir, 2e-3, true);
    }

    private static void compare(Path dir, double l2, boolean balanced) throws Exception {
        ScikitLearnReference.require();
        TrainingData train = DATA.sample(800, 21, new double[] {0.3, 0.25, 0.2, 0.15, 0.1});
        TrainingData test = DATA.sample(800, 22, null);
        JsonNode reference = ScikitLearnReference.exact(dir, train, test,
                Map.of("l1", PENALTIES, "l2", l2, "balanced", balanced, "tol", 1e-10, "max_iter", 200000));
        for (int i = 0; i < PENALTIES.size(); i++) {
            JsonNode theirs = reference.get("fits").get(i);
            SoftmaxLasso problem = ExactFixtures.problem(train, PENALTIES.get(i), l2, balanced);
            ExactFit ours = ExactSolver.builder().optTolerance(1e-9).build().solve(problem, new JavaGradientKernel(problem));
            String at = "l1 " + PENALTIES.get(i) + ", l2 " + l2 + (balanced ? ", balanced" : "");
            System.out.printf("%s: objective %.12f (sklearn %.12f), nonzeros %d (sklearn %d), KKT %.2e, %d rounds%n", at,
                    ours.objective(), theirs.get("objective").asDouble(), ours.nonzeros(), theirs.get("nonzeros").asInt(),
                    ours.kktViolation(), ours.outerIterations());
            assertTrue(ours.certified(), at + ": not certified, KKT " + ours.kktViolation());
            assertEquals(theirs.get("objective").asDouble(), ours.objective(), 1e-6 * ours.objective(), at + ": objective");
            assertCoefficients(ours, theirs.get("coef"), at);
            Evaluation evaluation = Evaluation.of(ExactFixtures.probe(train, ours), test);
            assertEquals(theirs.get("test_accuracy").asDouble(), evaluation.accuracy(), 1e-12, at + ": test accuracy");
        }
    }

    /** scikit-learn's coef_ is classes x concepts; ours is concept-major. */
    private static void assertCoefficients(ExactFit ours, JsonNode coef, String at) {
        int classes = ours.classes();
        for (int j = 0; j < ours.concepts(); j++) {
            for (int k = 0; k < classes; k++) {
                double mine = ours.weights()[j * classes + k];
                double theirs = coef.get(k * ours.concepts() + j).asDouble();
                assertEquals(theirs, mine, 1e-3, at + ": weight of concept " + j + ", class " + k);
                assertEquals(theirs != 0, mine != 0, at + ": support at concept " + j + ", class " + k
                        + " (ours " + mine + ", sklearn " + theirs + ")");
            }
        }
        assertTrue(Arrays.stream(ours.weights()).anyMatch(w -> w != 0), at + ": all weights zero, the test would be vacuous");
    }
}
