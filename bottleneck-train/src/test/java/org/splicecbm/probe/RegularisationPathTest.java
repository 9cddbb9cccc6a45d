package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.validation.InvalidArgumentException;
import org.splicecbm.probe.PathConfig;
import org.splicecbm.probe.ProbeConfig;

/** The regularisation path: its relations, agreement with cold starts and with scikit-learn refits, bad input. */
class RegularisationPathTest {
    private static final PlantedConcepts DATA = new PlantedConcepts(45, 5, 0.55, 5);
    private static final TrainingData TRAIN = DATA.sample(600, 31, null);
    private static final TrainingData TEST = DATA.sample(600, 32, null);

    private static ProbeConfig config(PathConfig path) {
        return ProbeConfig.builder().tolerance(1e-9).kernel(ProbeConfig.Kernel.JAVA).path(path).build();
    }

    @Test
    void firstPenaltyZeroesEveryWeightAndLargerPenaltiesKeepNoMoreNonzeros() {
        PathResult path = RegularisationPath.solve(TRAIN, null, TEST, config(new PathConfig(List.of(), 12, 1e-2, List.of(1, 2, 5))));
        List<PathPoint> points = path.points();
        assertEquals(12, points.size());
        assertEquals(path.zeroingPenalty(), points.get(0).l1(), 0);
        assertEquals(0, points.get(0).nonzeros(), "the first penalty of a path zeroes every weight");
        assertTrue(points.get(points.size() - 1).nonzeros() > 0, "the path must reach nonzero weights");
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).l1() < points.get(i - 1).l1());
            assertTrue(points.get(i - 1).nonzeros() <= points.get(i).nonzeros(),
                    "larger penalty " + points.get(i - 1).l1() + " has more nonzeros than " + points.get(i).l1());
        }
        PathPoint slightlyBelow = RegularisationPath.solve(TRAIN, null, null,
                config(new PathConfig(List.of(path.zeroingPenalty() * 0.98), 2, 1e-3, List.of()))).points().get(0);
        assertTrue(slightlyBelow.nonzeros() > 0, "just below the zeroing penalty some weight must enter");
        for (PathResult.AtNec at : path.atNec()) {
            PathPoint chosen = at.point();
            assertTrue(chosen.nec() <= at.target());
            assertTrue(points.stream().noneMatch(p -> p.nec() <= at.target() && p.nec() > chosen.nec()));
        }
    }

    @Test
    void warmStartedPathAgreesWithColdStartedSolves() {
        PathResult path = RegularisationPath.solve(TRAIN, null, TEST, config(new PathConfig(List.of(), 6, 3e-2, List.of())));
        for (int i = 0; i < path.points().size(); i++) {
            PathPoint warm = path.points().get(i);
            SoftmaxLasso problem = ExactFixtures.problem(TRAIN, warm.l1(), 0, false);
            ExactFit cold = ExactSolver.builder().optTolerance(1e-9).build().solve(problem, new JavaGradientKernel(problem));
            assertEquals(cold.objective(), warm.objective(), 1e-9 * cold.objective(), "objective at " + warm.l1());
            assertEquals(cold.nonzeros(), warm.nonzeros(), "nonzeros at " + warm.l1());
            LinearWeights w = path.probes().get(i).weights();
            for (int j = 0; j < cold.concepts(); j++) {
                for (int k = 0; k < cold.classes(); k++) {
                    assertEquals(cold.weights()[j * cold.classes() + k], w.weight(j, k), 1e-4);
                }
            }
        }
    }

    @Test
    void necAndAccuracyMatchScikitLearnRefits(@TempDir Path dir) throws Exception {
        ScikitLearnReference.require();
        PathResult path = RegularisationPath.solve(TRAIN, null, TEST, config(new PathConfig(List.of(), 6, 3e-2, List.of(2, 5))));
        List<Double> penalties = path.points().stream().map(PathPoint::l1).toList();
        JsonNode reference = ScikitLearnReference.exact(dir, TRAIN, TEST, Map.of("l1", penalties, "tol", 1e-10, "max_iter", 200000));
        for (int i = 0; i < penalties.size(); i++) {
            PathPoint ours = path.points().get(i);
            JsonNode theirs = reference.get("fits").get(i);
            assertEquals(theirs.get("nonzeros").asInt() / 5.0, ours.nec(), 1e-12, "NEC at " + ours.l1());
            assertEquals(theirs.get("test_accuracy").asDouble(), ours.testAccuracy(), 1e-12, "test accuracy at " + ours.l1());
        }
    }

    @Test
    void badInputFailsWithTheKeyToFix() {
        InvalidArgumentException zero = assertThrows(InvalidArgumentException.class, () -> new PathConfig(List.of(1e-3, 0.0), 20, 1e-3, List.of()));
        assertTrue(zero.getMessage().contains("probe.path.penalties"), zero.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> RegularisationPath.solve(TRAIN, null, null, config(new PathConfig(List.of(), 5, 1e-2, List.of(46)))));
        assertTrue(tooMany.getMessage().contains("probe.path.nec_targets") && tooMany.getMessage().contains("45 concepts"),
                tooMany.getMessage());
        TrainingData missingClass = DATA.sample(300, 33, new double[] {0.5, 0.5, 0, 0, 0});
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ProbeTrainer.train(missingClass, null, ProbeConfig.defaults(), null));
        assertTrue(empty.getMessage().contains("'class 2' has no training examples"), empty.getMessage());
    }
}
