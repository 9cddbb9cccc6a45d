package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.probe.ProbeConfig;

/** A probe from the exact solver exports as a DL4J network and survives ModelSerializer; solves are deterministic. */
class ExactProbeExportTest {
    private static final TrainingData TRAIN = new PlantedConcepts(30, 3, 0.6, 4).sample(300, 51, null);

    @Test
    void exactProbeSurvivesModelSerializer(@TempDir Path dir) throws Exception {
        TrainedProbe probe = ProbeTrainer.train(TRAIN, null, ProbeConfig.builder().l1(3e-3).build(), null);
        assertTrue(probe.weights().nonzerosPerClass()[0] > 0, "a probe with weights");
        File zip = dir.resolve("probe.zip").toFile();
        ModelSerializer.writeModel(ProbeNetwork.of(probe), zip, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(zip, false);
        assertArrayEquals(probe.weights().weights, ProbeNetwork.readWeights(restored, 30, 3).weights);
        assertArrayEquals(probe.weights().bias, ProbeNetwork.readWeights(restored, 30, 3).bias);
    }

    @Test
    void repeatedSolvesGiveIdenticalWeights() {
        ProbeConfig config = ProbeConfig.builder().l1(1e-3).build();
        assertArrayEquals(ProbeTrainer.solveExact(TRAIN, config).weights(), ProbeTrainer.solveExact(TRAIN, config).weights());
    }
}
