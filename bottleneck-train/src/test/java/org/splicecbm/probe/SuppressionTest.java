package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.probe.ProbeConfig.SuppressAt;
import org.splicecbm.store.CsrMatrix;

/** Concept interventions: the suppressed concepts must lose all influence on the classifier. */
class SuppressionTest {
    static final TrainingData TRAIN = ProbeTrainerTest.TRAIN;
    static final TrainingData VAL = ProbeTrainerTest.VAL;
    static final TrainingData TEST = ProbeTrainerTest.TEST;
    static final List<String> CLASS_1_CONCEPTS = List.of("concept 3", "concept 4");

    static ProbeConfig suppressing(SuppressAt at) {
        return ProbeTrainerTest.cfg().suppress(CLASS_1_CONCEPTS, at).build();
    }

    @Test
    void trainTimeSuppressionKeepsTheConceptsWeightsAtZero() {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, suppressing(SuppressAt.TRAIN), null);
        for (int c = 0; c < 5; c++) {
            assertEquals(0f, probe.weights().weight(3, c));
            assertEquals(0f, probe.weights().weight(4, c));
        }
        assertTrue(Explanations.topConcepts(probe, 1, 5).stream().noneMatch(w -> w.column() == 3 || w.column() == 4));
        assertInsensitiveToConcepts3And4(probe);
    }

    /** Scaling the suppressed concepts' values changes no probability: they have no influence left. */
    static void assertInsensitiveToConcepts3And4(TrainedProbe probe) {
        CsrMatrix x = TEST.features();
        float[] boosted = x.data().clone();
        for (int k = 0; k < boosted.length; k++) {
            if (x.indices()[k] == 3 || x.indices()[k] == 4) {
                boosted[k] *= 25;
            }
        }
        CsrMatrix y = new CsrMatrix(x.rows(), x.cols(), boosted, x.indices(), x.indptr());
        for (int row = 0; row < x.rows(); row++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(probe.probabilities(x, row), probe.probabilities(y, row));
        }
    }

    @Test
    void testTimeSuppressionIgnoresTheConceptsInPredictions() {
        TrainedProbe full = ProbeTrainer.train(TRAIN, VAL, ProbeTrainerTest.config(), null);
        TrainedProbe suppressed = ProbeTrainer.train(TRAIN, VAL, suppressing(SuppressAt.TEST), null);
        assertEquals(full.weights().weight(3, 1), suppressed.weights().weight(3, 1), "training unaffected");
        assertNotEquals(0f, suppressed.weights().weight(3, 1));
        double fullClass1 = Evaluation.of(full, TEST).perClassAccuracy()[1];
        double suppressedClass1 = Evaluation.of(suppressed, TEST).perClassAccuracy()[1];
        assertTrue(suppressedClass1 < 0.5 && fullClass1 > 0.85, "class-1 accuracy " + fullClass1 + " -> " + suppressedClass1);
        assertInsensitiveToConcepts3And4(suppressed);
        for (int row = 0; row < 50; row++) {
            assertTrue(Explanations.explain(suppressed, TEST.features(), row, 10).contributions().stream()
                    .noneMatch(c -> c.column() == 3 || c.column() == 4));
        }
    }

    @Test
    void unknownConceptIsAnErrorListingCloseMatches() {
        ProbeConfig config = ProbeTrainerTest.cfg().suppress(List.of("concpt 3"), SuppressAt.BOTH).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeTrainer.train(TRAIN, VAL, config, null));
        assertTrue(e.getMessage().contains("unknown concept 'concpt 3'"), e.getMessage());
        assertTrue(e.getMessage().contains("concept 3"), e.getMessage());
        assertFalse(e.getMessage().contains("concept 17"), "only close matches: " + e.getMessage());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, ConceptSuppression.editDistance("kitten", "sitting"));
        assertEquals(0, ConceptSuppression.editDistance("", ""));
        assertEquals(4, ConceptSuppression.editDistance("", "boat"));
    }
}
