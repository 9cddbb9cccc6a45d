package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.testing.PythonReference;

/**
 * Accuracy parity with scikit-learn's {@code LogisticRegression(penalty="l1", solver="saga")} at the
 * matching penalty ({@code C = 1 / (l1 * n)}) on noisy planted features: within 1 point.
 */
class ScikitLearnParityTest {

    @Test
    void accuracyWithinOnePointOfScikitLearnSaga(@TempDir Path dir) throws Exception {
        PythonReference.require("numpy", "scipy", "sklearn");
        PlantedConcepts noisy = new PlantedConcepts(60, 6, 0.55, 6);
        TrainingData train = noisy.sample(3000, 11, null);
        TrainingData val = noisy.sample(600, 12, null);
        TrainingData test = noisy.sample(3000, 13, null);
        double l1 = 3e-3;
        JsonNode reference = ScikitLearnReference.run(dir, train, test, l1, 2000, 1e-6);
        ProbeConfig config = ProbeConfig.builder().l1(l1).epochs(60).batchSize(128).learningRate(0.01)
                .earlyStoppingPatience(10).solver(ProbeConfig.Solver.MINIBATCH).build();
        Evaluation ours = Evaluation.of(ProbeTrainer.train(train, val, config, null), test);
        double theirs = reference.get("test_accuracy").asDouble();
        System.out.printf("probe test accuracy %.4f (effective concepts %d); scikit-learn saga %.4f (effective concepts %d)%n",
                ours.accuracy(), ours.effectiveConcepts(), theirs, reference.get("effective_concepts").asInt());
        assertEquals(theirs, ours.accuracy(), 0.01, "test accuracy vs scikit-learn saga");
    }
}
