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
    void gridIsTheProductOfSizeAndSpliceL1WithSizeSlowestAndNoProbeAxis() throws IOException {
        List<FeaturePoint> paths = new ArbiterSweepSearch(SweepConfigs.load(dir, """
                sweep:
                  vocabulary_size: [5000, 10000]
                  splice_l1: [0.15, 0.25, 0.35]
                  probe_l1: [1.0e-5, 1.0e-4]
                """)).paths();
        assertEquals(6, paths.size(), "the probe penalties are each path's points, not planned units");
        int i = 0;
        for (int size : new int[] {5000, 10000}) {
            for (double l1 : new double[] {0.15, 0.25, 0.35}) {
                assertEquals(new FeaturePoint(size, l1), paths.get(i++), "path " + (i - 1));
            }
        }
    }

    @Test
    void missingListsTakeTheRunConfigsValue() throws IOException {
        assertEquals(List.of(new FeaturePoint(10000, 0.1), new FeaturePoint(10000, 0.2)),
                new ArbiterSweepSearch(SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n")).paths());
        assertEquals(List.of(new FeaturePoint(10000, 0.25)), new ArbiterSweepSearch(SweepConfigs.load(dir, "")).paths(),
                "no sweep section: the run config itself");
    }

    @Test
    void gridWithManyValuesPerListKeepsEveryValue() throws IOException {
        // Arbiter maps grid index i of n to i/(n-1) and back; with 7 values every one must come out once.
        List<FeaturePoint> paths = new ArbiterSweepSearch(SweepConfigs.load(dir,
                "sweep:\n  splice_l1: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]\n")).paths();
        assertEquals(List.of(0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35), paths.stream().map(FeaturePoint::spliceL1).toList());
    }

    @Test
    void randomSearchIsSeededDistinctAndInsideTheGrid() throws IOException {
        String space = """
                sweep:
                  vocabulary_size: [1000, 2000, 5000, 10000, 15000]
                  splice_l1: [0.05, 0.1, 0.2, 0.3, 0.4]
                  search: random
                  trials: 10
                """;
        List<FeaturePoint> a = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 3\n")).paths();
        List<FeaturePoint> b = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 3\n")).paths();
        List<FeaturePoint> c = new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  seed: 4\n")).paths();
        assertEquals(a, b, "same seed, same paths in the same order");
        assertNotEquals(a, c, "another seed draws other paths");
        assertEquals(10, new HashSet<>(a).size(), "no path twice");
        List<FeaturePoint> grid = new ArbiterSweepSearch(SweepConfigs.load(dir, space.replace("  search: random\n  trials: 10\n", ""))).paths();
        assertEquals(25, grid.size());
        assertTrue(grid.containsAll(a), "random paths are grid points");
    }

    @Test
    void randomSearchCanDrawEveryCombinationButNoMore() throws IOException {
        String space = "sweep:\n  splice_l1: [0.1, 0.2]\n  vocabulary_size: [10, 20]\n  search: random\n";
        assertEquals(4, new HashSet<>(new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  trials: 4\n")).paths()).size());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new ArbiterSweepSearch(SweepConfigs.load(dir, space + "  trials: 5\n")).paths());
        assertTrue(e.getMessage().contains("sweep.trials: must be at most the number of distinct (vocabulary_size, splice_l1)"
                + " combinations (4)"), e.getMessage());
    }
}
