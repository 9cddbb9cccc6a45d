package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sparse engine (no ND4J involved) on planted concept structure. */
class ProbeTrainerTest {
    static final PlantedConcepts PLANTED = new PlantedConcepts(40, 5, 0.9, 4);
    static final TrainingData TRAIN = PLANTED.sample(1500, 1, null);
    static final TrainingData VAL = PLANTED.sample(300, 2, null);
    static final TrainingData TEST = PLANTED.sample(500, 3, null);

    static ProbeConfig.Builder cfg() {
        return config().toBuilder();
    }

    static ProbeConfig config() {
        return ProbeConfig.builder().l1(1e-3).epochs(30).batchSize(64).learningRate(0.05)
                .solver(ProbeConfig.Solver.MINIBATCH).build();
    }

    @Test
    void recoversPlantedConceptsAsTopConceptsOfTheirClasses() {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, config(), EpochListener.NONE);
        for (int k = 0; k < PLANTED.classes; k++) {
            int[] top = PlantedConcepts.sortedColumns(Explanations.topConcepts(probe, k, 2));
            assertArrayEquals(new int[] {3 * k, 3 * k + 1}, top, "top concepts of class " + k);
        }
        assertTrue(Evaluation.of(probe, TEST).accuracy() > 0.9, "test accuracy");
    }

    @Test
    void strongerL1GivesFewerNonzeros() {
        long weak = nonzeros(ProbeTrainer.train(TRAIN, VAL, cfg().l1(1e-4).build(), null));
        long strong = nonzeros(ProbeTrainer.train(TRAIN, VAL, cfg().l1(1e-2).build(), null));
        long none = nonzeros(ProbeTrainer.train(TRAIN, VAL, cfg().l1(0).build(), null));
        assertTrue(strong < weak && weak < none, "nonzeros: l1=0 " + none + ", 1e-4 " + weak + ", 1e-2 " + strong);
        assertTrue(strong <= 4 * PLANTED.classes, "strong L1 keeps about the planted weights, found " + strong);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() {
        TrainedProbe a = ProbeTrainer.train(TRAIN, VAL, cfg().epochs(5).build(), null);
        TrainedProbe b = ProbeTrainer.train(TRAIN, VAL, cfg().epochs(5).build(), null);
        TrainedProbe c = ProbeTrainer.train(TRAIN, VAL, cfg().epochs(5).seed(7).build(), null);
        assertArrayEquals(a.weights().weights, b.weights().weights);
        assertArrayEquals(a.weights().bias, b.weights().bias);
        assertFalse(Arrays.equals(a.weights().weights, c.weights().weights), "the seed drives the shuffling");
    }

    @Test
    void earlyStoppingFollowsTheValidationLossOnly() {
        // A validation split with wrong labels: its loss bottoms out early, so training stops early.
        int[] noisyLabels = VAL.labels().clone();
        for (int i = 0; i < noisyLabels.length; i++) {
            noisyLabels[i] = (noisyLabels[i] + 1 + i % 4) % PLANTED.classes;
        }
        TrainingData misleading = new TrainingData(VAL.space(), VAL.features(), noisyLabels);
        ProbeConfig config = cfg().epochs(40).earlyStoppingPatience(3).build();
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedProbe probe = ProbeTrainer.train(TRAIN, misleading, config, seen::add);
        TrainingSummary summary = probe.summary();
        assertTrue(summary.epochsRun() < 40, "stopped early, ran " + summary.epochsRun());
        assertEquals(summary.bestEpoch() + 3, summary.epochsRun(), "stops patience epochs after the best");
        double bestLoss = seen.stream().mapToDouble(EpochMetrics::valLoss).min().orElseThrow();
        assertEquals(bestLoss, seen.get(summary.bestEpoch() - 1).valLoss(), "kept epoch has the lowest val loss");
        double[] kept = Scoring.lossAndAccuracy(probe.weights(), misleading, new float[] {1, 1, 1, 1, 1}, new boolean[40]);
        assertEquals(bestLoss, kept[0], 1e-9, "returned weights are the best-validation weights");

        TrainedProbe honest = ProbeTrainer.train(TRAIN, VAL, config, null);
        assertTrue(honest.summary().bestEpoch() > summary.bestEpoch(), "a truthful val split trains longer");
        TrainedProbe noVal = ProbeTrainer.train(TRAIN, null, cfg().epochs(7).build(), null);
        assertEquals(7, noVal.summary().epochsRun());
        assertTrue(Double.isNaN(noVal.summary().history().get(0).valLoss()));
    }

    @Test
    void listenerSeesEveryEpochInOrder() {
        List<EpochMetrics> seen = new ArrayList<>();
        ProbeTrainer.train(TRAIN, VAL, cfg().epochs(4).earlyStoppingPatience(0).build(), seen::add);
        assertEquals(List.of(1, 2, 3, 4), seen.stream().map(EpochMetrics::epoch).toList());
        assertTrue(seen.get(3).trainLoss() < seen.get(0).trainLoss());
        assertTrue(seen.get(3).valAccuracy() > 0.8);
    }

    @Test
    void balancedClassWeightsFollowScikitLearnsFormula() {
        TrainingData skewed = PLANTED.sample(1000, 5, new double[] {0.6, 0.1, 0.1, 0.1, 0.1});
        float[] weights = ProbeTrainer.classWeights(skewed, cfg().classWeights(ProbeConfig.ClassWeights.BALANCED).build());
        int[] counts = skewed.classCounts();
        for (int k = 0; k < 5; k++) {
            assertEquals(1000.0 / (5 * counts[k]), weights[k], 1e-5);
        }
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, ProbeTrainer.classWeights(skewed, config()));
    }

    @Test
    void sgdAlsoLearnsThePlantedStructure() {
        ProbeConfig sgd = cfg().updater(ProbeConfig.Updater.SGD).learningRate(0.5).build();
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, sgd, null);
        assertTrue(Evaluation.of(probe, TEST).accuracy() > 0.9);
        assertArrayEquals(new int[] {6, 7}, PlantedConcepts.sortedColumns(Explanations.topConcepts(probe, 2, 2)));
    }

    @Test
    void withoutBiasTheBiasStaysZero() {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, cfg().bias(false).epochs(3).build(), null);
        assertArrayEquals(new float[5], probe.weights().bias);
    }

    @Test
    void divergenceIsAnErrorNotNanWeights() {
        ProbeConfig wild = cfg().updater(ProbeConfig.Updater.SGD).learningRate(100).l2(1).epochs(3).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ProbeTrainer.train(TRAIN, VAL, wild, null));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("lower probe.learning_rate"), e.getMessage());
    }

    static long nonzeros(TrainedProbe probe) {
        return Arrays.stream(probe.weights().nonzerosPerClass()).sum();
    }
}
