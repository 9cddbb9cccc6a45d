package org.splicecbm.runconfig;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.config.ConfigException;
import org.splicecbm.config.ConfigLoader;

class SweepConfigTest {
    private static final String RUN = """
            schema: 1
            name: s
            backbone: open_clip:ViT-B-32
            dataset:
              kind: imagefolder
              root: images
            output: out
            """;

    @TempDir
    Path dir;

    private RunConfig load(String sweep) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("c.yaml"), RUN + sweep), RunConfig.class);
    }

    private ConfigException error(String sweep) {
        return assertThrows(ConfigException.class, () -> load(sweep));
    }

    @Test
    void readsEverySnakeCaseKey() throws IOException {
        SweepConfig s = load("""
                sweep:
                  splice_l1: [0.15, 0.25, 0.35]
                  vocabulary_size: [5000, 10000]
                  probe_l1: [1.0e-5, 1.0e-4]
                  search: random
                  trials: 4
                  seed: 7
                  metric: val_balanced_accuracy
                """).sweep();
        assertEquals(new SweepConfig(List.of(0.15, 0.25, 0.35), List.of(5000, 10000), List.of(1e-5, 1e-4),
                SweepConfig.Search.RANDOM, 4, 7L, SweepConfig.Metric.VAL_BALANCED_ACCURACY), s);
    }

    @Test
    void missingListsFallBackToTheRunConfigsValues() throws IOException {
        RunConfig c = load("sweep:\n  splice_l1: [0.1, 0.2]\n");
        SweepConfig s = c.sweep();
        assertEquals(SweepConfig.Search.GRID, s.search());
        assertEquals(SweepConfig.Metric.VAL_ACCURACY, s.metric());
        assertEquals(0L, s.seed());
        assertEquals(List.of(0.1, 0.2), s.spliceL1Or(c.splice().l1Penalty()));
        assertEquals(List.of(10_000), s.vocabularySizeOr(c.concepts().size()));
        assertNull(s.probeL1(), "no probe_l1 list: each path follows probe.path");
        assertNull(load("").sweep(), "no sweep section: null, so plain run configs save without one");
    }

    @Test
    void unknownKeysAreErrorsWithTheLine() {
        ConfigException e = error("sweep:\n  spliceL1: [0.1]\n");
        assertTrue(e.getMessage().contains("unknown key 'spliceL1'") && e.getMessage().contains("splice_l1"), e.getMessage());
        assertTrue(e.getMessage().contains("c.yaml:9"), e.getMessage());
    }

    @Test
    void emptyListsAndBadValuesAreErrors() {
        assertTrue(error("sweep:\n  vocabulary_size: []\n").getMessage()
                .contains("sweep.vocabulary_size: must list at least one value"), "empty list");
        assertTrue(error("sweep:\n  splice_l1: [0.1, 0.0]\n").getMessage().contains("sweep.splice_l1: must list finite numbers > 0"));
        assertTrue(error("sweep:\n  probe_l1: [-1.0e-4]\n").getMessage().contains("sweep.probe_l1"));
        assertTrue(error("sweep:\n  probe_l1: [0.0, 1.0e-3]\n").getMessage().contains("sweep.probe_l1: must list finite numbers > 0"
                + " (the penalties of each probe regularisation path"), "a path has no unpenalised point");
        assertTrue(error("sweep:\n  splice_l1: [0.1, 0.1]\n").getMessage().contains("list each value once"));
        assertTrue(error("sweep:\n  search: bayes\n").getMessage().contains("sweep.search: must be one of grid, random"));
    }

    @Test
    void randomSearchNeedsTrialsAndGridRefusesThem() {
        assertTrue(error("sweep:\n  search: random\n").getMessage().contains("sweep.trials: must be given and > 0 for search: random"));
        assertTrue(error("sweep:\n  search: random\n  trials: 0\n").getMessage().contains("sweep.trials"));
        assertTrue(error("sweep:\n  trials: 3\n").getMessage().contains("be left out for search: grid"));
    }

    @Test
    void testMetricsCannotSelect() {
        String m = error("sweep:\n  metric: test_accuracy\n").getMessage();
        assertTrue(m.contains("sweep.metric: must be a validation metric"), m);
    }

    @Test
    void savedConfigRoundTrips() throws IOException {
        RunConfig c = load("sweep:\n  probe_l1: [1.0e-4, 1.0e-3]\n  splice_l1: [0.1, 0.2]\n  search: random\n  trials: 2\n");
        ConfigLoader.save(c, dir.resolve("saved.yaml"));
        String yaml = Files.readString(dir.resolve("saved.yaml"));
        assertTrue(yaml.contains("probe_l1:") && yaml.contains("search: random"), yaml);
        assertEquals(c.sweep(), ConfigLoader.load(dir.resolve("saved.yaml"), RunConfig.class).sweep());
        assertFalse(ConfigLoader.toYaml(c.withSweep(null)).contains("sweep"), "a trial's config has no sweep section");
    }
}
