package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.validation.InvalidArgumentException;

class ProbeConfigTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void absentKeysTakeTheDefaults() throws Exception {
        ProbeConfig c = YAML.readValue("{}", ProbeConfig.class);
        assertEquals(ProbeConfig.defaults(), c);
        assertEquals(1e-4, c.l1());
        assertEquals(0.0, c.l2());
        assertEquals(50, c.epochs());
        assertEquals(256, c.batchSize());
        assertEquals(1e-3, c.learningRate());
        assertEquals(ProbeConfig.Updater.ADAM, c.updater());
        assertTrue(c.bias());
        assertEquals(ProbeConfig.ClassWeights.NONE, c.classWeights());
        assertEquals(5, c.earlyStoppingPatience());
        assertEquals(0L, c.seed());
        assertEquals(List.of(), c.suppressConcepts());
        assertEquals(ProbeConfig.Engine.SPARSE, c.engine());
    }

    @Test
    void readsSnakeCaseKeysAndLowerCaseChoices() throws Exception {
        ProbeConfig c = YAML.readValue("""
                l1: 1.0e-3
                l2: 0.01
                epochs: 7
                batch_size: 64
                learning_rate: 0.05
                updater: sgd
                bias: false
                class_weights: balanced
                early_stopping_patience: 0
                seed: 42
                suppress_concepts: [water, "lake"]
                suppress_at: test
                engine: dl4j
                solver: minibatch
                tolerance: 1.0e-6
                kernel: java
                path:
                  penalties: [0.01, 0.001]
                  nec_targets: [3]
                """, ProbeConfig.class);
        assertEquals(new ProbeConfig(1e-3, 0.01, 7, 64, 0.05, ProbeConfig.Updater.SGD, false, ProbeConfig.ClassWeights.BALANCED,
                0, 42, List.of("water", "lake"), ProbeConfig.SuppressAt.TEST, ProbeConfig.Engine.DL4J,
                ProbeConfig.Solver.MINIBATCH, 1e-6, ProbeConfig.Kernel.JAVA,
                new PathConfig(List.of(0.01, 0.001), 20, 1e-3, List.of(3))), c);
    }

    @Test
    void writesTheSameKeysItReads() throws Exception {
        ProbeConfig c = ProbeConfig.builder().l1(0.5).batchSize(3).suppress(List.of("x"), ProbeConfig.SuppressAt.TRAIN).build();
        String json = new ObjectMapper().writeValueAsString(c);
        assertTrue(json.contains("\"batch_size\":3") && json.contains("\"suppress_at\":\"train\""), json);
        assertEquals(c, new ObjectMapper().readValue(json, ProbeConfig.class));
    }

    @Test
    void invalidValuesNameTheKeyTheRuleAndTheValue() {
        var e = assertThrows(InvalidArgumentException.class, () -> ProbeConfig.builder().l1(-1).build());
        assertEquals("probe.l1: must be a finite number >= 0, found -1.0", e.getMessage());
        assertEquals("probe.batch_size", assertThrows(InvalidArgumentException.class, () -> ProbeConfig.builder().batchSize(0).build()).key());
        assertEquals("probe.learning_rate",
                assertThrows(InvalidArgumentException.class, () -> ProbeConfig.builder().learningRate(Double.NaN).build()).key());
        assertEquals("probe.epochs", assertThrows(InvalidArgumentException.class, () -> ProbeConfig.builder().epochs(0).build()).key());
        var u = assertThrows(ValueInstantiationException.class, () -> YAML.readValue("updater: rmsprop", ProbeConfig.class));
        assertTrue(u.getCause() instanceof InvalidArgumentException && u.getCause().getMessage()
                .equals("probe.updater: must be one of adam, sgd, found rmsprop"), u.getCause().getMessage());
        assertThrows(InvalidArgumentException.class, () -> ProbeConfig.builder().suppress(List.of(" "), ProbeConfig.SuppressAt.BOTH).build());
    }
}
