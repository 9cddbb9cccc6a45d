package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.splicecbm.store.CsrMatrix;

/** The DL4J side: the network form of a probe, and the DL4J training engine against the sparse one. One ND4J init for the class. */
class Dl4jEngineTest {
    static final TrainingData TRAIN = ProbeTrainerTest.TRAIN;
    static final TrainingData VAL = ProbeTrainerTest.VAL;
    static final TrainingData TEST = ProbeTrainerTest.TEST;

    private static int threads;
    private static int masterThreads;

    /** One ND4J thread: on a shared 2-core machine OpenMP's spinning threads make these tiny fits many times slower. */
    @BeforeAll
    static void singleThreaded() {
        threads = Nd4j.getEnvironment().maxThreads();
        masterThreads = Nd4j.getEnvironment().maxMasterThreads();
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(masterThreads);
    }

    static ProbeConfig dl4j(ProbeConfig.Builder builder) {
        return builder.engine(ProbeConfig.Engine.DL4J).solver(ProbeConfig.Solver.MINIBATCH).build();
    }

    @Test
    void networkOfATrainedProbeGivesTheSameProbabilities() {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, ProbeTrainerTest.config(), null);
        MultiLayerNetwork network = ProbeNetwork.of(probe);
        CsrMatrix x = TEST.features();
        float[] dense = new float[50 * x.cols()];
        for (int r = 0; r < 50; r++) {
            System.arraycopy(x.denseRow(r), 0, dense, r * x.cols(), x.cols());
        }
        INDArray out = network.output(Nd4j.create(dense, new long[] {50, x.cols()}, 'c'));
        for (int r = 0; r < 50; r++) {
            assertArrayEquals(probe.probabilities(x, r), out.getRow(r).toFloatVector(), 1e-5f, "row " + r);
        }
        assertArrayEquals(probe.weights().weights, ProbeNetwork.readWeights(network, 40, 5).weights);
    }

    @Test
    void networkFormSurvivesDl4jModelSerializer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, VAL, ProbeTrainerTest.cfg().epochs(2).build(), null);
        java.io.File zip = dir.resolve("probe.zip").toFile();
        org.deeplearning4j.util.ModelSerializer.writeModel(ProbeNetwork.of(probe), zip, false);
        MultiLayerNetwork restored = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(zip, false);
        assertArrayEquals(probe.weights().weights, ProbeNetwork.readWeights(restored, 40, 5).weights);
        assertArrayEquals(probe.weights().bias, ProbeNetwork.readWeights(restored, 40, 5).bias);
    }

    @Test
    void sgdEnginesComputeTheSameUpdates() {
        ProbeConfig.Builder sgd = ProbeTrainerTest.cfg().updater(ProbeConfig.Updater.SGD).learningRate(0.5).epochs(3).l2(1e-3);
        TrainedProbe sparse = ProbeTrainer.train(TRAIN, VAL, sgd.build(), null);
        TrainedProbe network = ProbeTrainer.train(TRAIN, VAL, dl4j(sgd), null);
        assertClose(sparse.weights(), network.weights(), 1e-4f);
    }

    @Test
    void adamEnginesComputeTheSameUpdatesIncludingTheProximalStep() {
        ProbeConfig.Builder adam = ProbeTrainerTest.cfg().epochs(3).l1(1e-2);
        TrainedProbe sparse = ProbeTrainer.train(TRAIN, VAL, adam.build(), null);
        TrainedProbe network = ProbeTrainer.train(TRAIN, VAL, dl4j(adam), null);
        assertClose(sparse.weights(), network.weights(), 2e-3f);
        long sparseNonzeros = ProbeTrainerTest.nonzeros(sparse);
        long networkNonzeros = ProbeTrainerTest.nonzeros(network);
        assertTrue(Math.abs(sparseNonzeros - networkNonzeros) <= 4, sparseNonzeros + " vs " + networkNonzeros + " nonzeros");
        assertTrue(networkNonzeros < 40 * 5 / 2, "the proximal step made DL4J's weights sparse: " + networkNonzeros);
    }

    @Test
    void dl4jEngineLearnsThePlantedConceptsDeterministically() {
        ProbeConfig config = dl4j(ProbeTrainerTest.cfg().epochs(8).batchSize(150).learningRate(0.1));
        TrainedProbe a = ProbeTrainer.train(TRAIN, VAL, config, null);
        TrainedProbe b = ProbeTrainer.train(TRAIN, VAL, config, null);
        assertArrayEquals(a.weights().weights, b.weights().weights);
        assertTrue(Evaluation.of(a, TEST).accuracy() > 0.9);
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(new int[] {3 * k, 3 * k + 1}, PlantedConcepts.sortedColumns(Explanations.topConcepts(a, k, 2)));
        }
    }

    @Test
    void dl4jEngineHonoursTrainTimeSuppressionAndClassWeights() {
        ProbeConfig config = dl4j(ProbeTrainerTest.cfg().epochs(3).classWeights(ProbeConfig.ClassWeights.BALANCED)
                .suppress(java.util.List.of("concept 3"), ProbeConfig.SuppressAt.TRAIN));
        TrainedProbe network = ProbeTrainer.train(TRAIN, VAL, config, null);
        TrainedProbe sparse = ProbeTrainer.train(TRAIN, VAL, config.toBuilder().engine(ProbeConfig.Engine.SPARSE).build(), null);
        for (int c = 0; c < 5; c++) {
            assertEquals(0f, network.weights().weight(3, c));
        }
        assertClose(sparse.weights(), network.weights(), 2e-3f);
    }

    static void assertClose(LinearWeights expected, LinearWeights actual, float tolerance) {
        float worst = 0;
        for (int i = 0; i < expected.weights.length; i++) {
            worst = Math.max(worst, Math.abs(expected.weights[i] - actual.weights[i]));
        }
        for (int c = 0; c < expected.bias.length; c++) {
            worst = Math.max(worst, Math.abs(expected.bias[c] - actual.bias[c]));
        }
        assertTrue(worst <= tolerance, "largest weight difference " + worst + " > " + tolerance
                + "; bias " + Arrays.toString(expected.bias) + " vs " + Arrays.toString(actual.bias));
    }
}
