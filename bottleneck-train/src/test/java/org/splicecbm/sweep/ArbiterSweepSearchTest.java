package org.splicecbm.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.validation.InvalidArgumentException;

class ArbiterSweepSearchTest {
    @TempDir
    Path dir;

    @Test
    void gridIsTheFullCartesianProductWithProbeL1FastestAndSizeSlowest() throws IOException {
        List<TrialParams> trials = new ArbiterSweepSearch(SweepConfigs.load(dir, """
                sweep:
                  vocabulary_size: [5000, 10000]
                  splice_l1: [0.15, 0.25, 0.35]
                  probe_l1: [1.0e-5, 1.0e-4]
                """)).trials();
        assertEquals(12, trials.size());
        int i = 0;
        for (int size : new int[] {5000, 10000}) {
            for (double l1 : new double[] {0.15, 0.25, 0.35}) {
                for (double probe : new double[] {1e-5, 1e-4}) {
                    assertEquals(new TrialParams(size, l1, probe), trials.get(i++), "trial " + (i - 1));
                }
            }
        }
    }

    @Test
    void missingListsTakeTheRunConfigsValue() throws IOException {
        assertEquals(List.of(new TrialParams(10000, 0.1, 1e-4), new TrialParams(10000, 0.2, 1e-4)),
                new ArbiterSweepSearch(SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n")).trials());
        assertEquals(List.of(new TrialParams(10000, 0.25, 1e-4)), new ArbiterSweepSearch(SweepConfigs.load(dir, "")).trials(),
                "no sweep section: the run config itself");
    }

    @Test
    void gridWithManyValuesPerListKeepsEveryValue() throws IOException {
        // Arbiter maps grid index i of n to i/(n-1) and back; with 7 values every one must come out once.
        List<TrialParams> trials = new ArbiterSweepSearch(SweepConfigs.load(dir,
                "sweep:\n  splice_l1: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]\n")).trials();
        assertEquals(List.of(0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35), trials.stream().map(TrialParams::spliceL1).toList());
    }

    @Test
    void randomSearchIsSeededDistinctAndInsideTheGrid() throws IOException {
        String space = """
                sweep:
                  vocabulary_size: [1000, 2000, 5000, 10000, 15000]
                  splice_l1: [0.05, 0.1, 0.2, 0.3, 0.4]
                  probe_l1: [0.0, 1.0e-5, 1.0e-4, 1.0e-3, 1.0e-2]
                  search: random
                  trials: 10
                """;
        List<TrialParams> a = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 3\n")).trials();
        List<TrialParams> b = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 3\n")).trials();
        List<TrialParams> c = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 4\n")).trials();
        assertEquals(a, b, "same seed, same trials in the same order");
        assertNotEquals(a, c, "another seed draws other trials");
        assertEquals(10, new HashSet<>(a).size(), "no trial twice");
        List<TrialParams> grid = new ArbiterSweepSearch(SweepConfigs.load(dir, space.replace("  search: random\n  trials: 10\n", ""))).trials();
        assertEquals(125, grid.size());
        assertTrue(grid.containsAll(a), "random trials are grid points");
    }

    @Test
    void randomSearchCanDrawEveryCombinationButNoMore() throws IOException {
        String space = "sweep:\n  splice_l1: [0.1, 0.2]\n  probe_l1: [0.0, 1.0e-3]\n  search: random\n";
        assertEquals(4, new HashSet<>(new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  trials: 4\n")).trials()).size());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  trials: 5\n")).trials());
        assertTrue(e.getMessage().contains("sweep.trials: must be at most the number of distinct combinations (4)"), e.getMessage());
    }
}
