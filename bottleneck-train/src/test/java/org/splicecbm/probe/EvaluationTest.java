package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.store.CsrMatrix;

class EvaluationTest {

    @Test
    void metricsFromAConfusionMatrixMatchHandComputedValues() {
        // true 0: 3 right, 1 as class 1; true 1: 1 right, 1 as class 0; class 2: absent, predicted once (from true 1? no: from true 0)
        long[][] confusion = {{3, 1, 0}, {1, 1, 0}, {0, 0, 0}};
        assertEquals(4.0 / 6, Evaluation.accuracy(confusion), 1e-12);
        double[] recall = Evaluation.perClassAccuracy(confusion);
        assertEquals(0.75, recall[0], 1e-12);
        assertEquals(0.5, recall[1], 1e-12);
        assertTrue(Double.isNaN(recall[2]), "absent class has no accuracy");
        // F1 class 0: 2*3/(4+4) = 0.75; class 1: 2*1/(2+2) = 0.5; class 2 absent everywhere: skipped
        assertEquals((0.75 + 0.5) / 2, Evaluation.macroF1(confusion), 1e-12);
    }

    @Test
    void evaluatesAProbeWithGroupsAndSparsity() {
        // Two concepts, two classes; weights make concept 0 -> class 0, concept 1 -> class 1.
        FeatureSpace space = new FeatureSpace(List.of("sky", "water"), List.of("land", "sea"), null);
        LinearWeights weights = new LinearWeights(2, 2, new float[] {1, 0, 0, 1}, new float[2]);
        TrainedProbe probe = new TrainedProbe(space, weights, ProbeConfig.defaults(), new int[0],
                new TrainingSummary(0, List.of()));
        // rows: sky, water, sky, water ; labels 0, 1, 1, 1 ; groups 0, 0, 1, 1
        CsrMatrix x = new CsrMatrix(4, 2, new float[] {1, 1, 1, 1}, new int[] {0, 1, 0, 1}, new long[] {0, 1, 2, 3, 4});
        Evaluation e = Evaluation.of(probe, new TrainingData(space, x, new int[] {0, 1, 1, 1}, new int[] {0, 0, 1, 1}));
        assertEquals(0.75, e.accuracy(), 1e-12);
        assertEquals((1.0 + 2.0 / 3) / 2, e.balancedAccuracy(), 1e-12);
        assertArrayEquals(new long[] {1, 0}, e.confusion()[0]);
        assertArrayEquals(new long[] {1, 2}, e.confusion()[1]);
        assertEquals(1.0, e.groupAccuracy().get(0), 1e-12);
        assertEquals(0.5, e.worstGroupAccuracy(), 1e-12);
        assertArrayEquals(new int[] {1, 1}, e.nonzerosPerClass());
        assertEquals(2, e.effectiveConcepts());
        Evaluation noGroups = Evaluation.of(probe, new TrainingData(space, x, new int[] {0, 1, 1, 1}));
        assertTrue(Double.isNaN(noGroups.worstGroupAccuracy()));
    }

    @Test
    void explanationListsContributionsOfThePredictedClass() {
        TrainedProbe probe = ProbeTrainer.train(ProbeTrainerTest.TRAIN, ProbeTrainerTest.VAL, ProbeTrainerTest.config(), null);
        CsrMatrix x = ProbeTrainerTest.TEST.features();
        int row = 0;
        Explanations.Explanation why = Explanations.explain(probe, x, row, 3);
        assertEquals(probe.predict(x)[row], why.predictedClass());
        assertTrue(!why.contributions().isEmpty());
        for (int i = 0; i < why.contributions().size(); i++) {
            Explanations.Contribution c = why.contributions().get(i);
            assertEquals(probe.weights().weight(c.column(), why.predictedClass()) * c.value(), c.contribution(), 1e-6);
            assertEquals(x.denseRow(row)[c.column()], c.value());
            if (i > 0) {
                assertTrue(c.contribution() <= why.contributions().get(i - 1).contribution(), "sorted descending");
            }
        }
        int label = ProbeTrainerTest.TEST.labels()[row];
        if (why.predictedClass() == label && x.denseRow(row)[3 * label] > 0) {
            assertTrue(why.contributions().get(0).column() / 3 == label, "the planted concept explains the prediction");
        }
    }
}
