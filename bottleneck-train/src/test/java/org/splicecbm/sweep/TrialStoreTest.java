package org.splicecbm.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.runconfig.RunConfig;

class TrialStoreTest {
    @TempDir
    Path dir;

    /** A two-point path whose first (sparser) point scores {@code val} on validation. */
    static PathOutcome outcome(Trial t, double val) {
        return new PathOutcome(t.point(), t.fingerprint(), List.of(point(t, 1e-3, val), point(t, 1e-4, val - 0.2)));
    }

    private static TrialResult point(Trial t, double probeL1, double val) {
        TrialParams p = t.point().at(probeL1);
        return new TrialResult(p, val, val, val, val - 0.1, val - 0.1, 12.5, 0.8, 40, 7, 4.0, "run-" + p.key(), "abc");
    }

    @Test
    void pathConfigAppliesThePointTheProbePenaltiesAndDropsTheSweepSection() throws IOException {
        RunConfig base = SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n  probe_l1: [1.0e-3, 1.0e-2]\n");
        Trial t = Trial.of(base, new FeaturePoint(5000, 0.2));
        assertEquals(5000, t.config().concepts().size());
        assertEquals(0.2, t.config().splice().l1Penalty());
        assertEquals(List.of(1e-3, 1e-2), t.config().probe().path().penalties());
        assertEquals(1e-2, t.configAt(1e-2).probe().l1());
        assertNull(t.config().sweep());
        assertEquals(base.probe().epochs(), t.config().probe().epochs());
        assertEquals(t.fingerprint(), Trial.of(base, new FeaturePoint(5000, 0.2)).fingerprint());
        assertNotEquals(t.fingerprint(), Trial.of(base, new FeaturePoint(5000, 0.1)).fingerprint());
        RunConfig elsewhere = SweepConfigs.load(dir, "tracking:\n  uri: http://127.0.0.1:5000\nsweep:\n  splice_l1: [0.1, 0.2]\n"
                + "  probe_l1: [1.0e-3, 1.0e-2]\n");
        assertEquals(t.fingerprint(), Trial.of(elsewhere, t.point()).fingerprint(), "where runs are tracked does not matter");
        RunConfig noList = SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n");
        assertEquals(noList.probe().path(), Trial.of(noList, t.point()).config().probe().path(), "no probe_l1: probe.path");
    }

    @Test
    void resumingRunsEachPathOnceAndRerunsWhenTheConfigChanged() throws Exception {
        RunConfig base = SweepConfigs.load(dir, "");
        AtomicInteger runs = new AtomicInteger();
        TrialStore store = new TrialStore(dir.resolve("trials"));
        ResumingExecutor executor = new ResumingExecutor(store, t -> outcome(t, 0.5 + runs.incrementAndGet()));
        Trial trial = Trial.of(base, new FeaturePoint(100, 0.3));
        PathOutcome first = executor.run(trial);
        assertEquals(first, executor.run(trial), "stored result returned");
        assertEquals(first, new ResumingExecutor(new TrialStore(dir.resolve("trials")), t -> fail("must not run")).run(trial),
                "a new sweep process finds it too");
        assertEquals(1, runs.get());
        assertEquals(1, executor.resumed());

        Trial changed = Trial.of(base.withProbe(base.probe().toBuilder().tolerance(1e-6).build()), trial.point());
        assertTrue(store.completed(changed).isEmpty(), "another resolved config: stale");
        assertEquals(2.5, executor.run(changed).best(org.splicecbm.runconfig.SweepConfig.Metric.VAL_ACCURACY).valAccuracy());
        assertEquals(2, runs.get());
    }

    @Test
    void failedPathsAreNotStored() throws IOException {
        Trial trial = Trial.of(SweepConfigs.load(dir, ""), new FeaturePoint(100, 0.3));
        ResumingExecutor executor = new ResumingExecutor(new TrialStore(dir.resolve("trials")), t -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> executor.run(trial));
        assertTrue(new TrialStore(dir.resolve("trials")).completed(trial).isEmpty());
    }

    @Test
    void aCorruptResultIsAClearError() throws IOException {
        Trial trial = Trial.of(SweepConfigs.load(dir, ""), new FeaturePoint(100, 0.3));
        Files.createDirectories(dir.resolve("trials"));
        Files.writeString(dir.resolve("trials").resolve(trial.point().key() + ".json"), "{\"point\": ");
        IOException e = assertThrows(IOException.class, () -> new TrialStore(dir.resolve("trials")).completed(trial));
        assertTrue(e.getMessage().contains(trial.point().key() + ".json") && e.getMessage().contains("delete the file"), e.getMessage());
    }

    @Test
    void theSweepStateIsRecordedBesideTheStore() throws IOException {
        TrialStore store = new TrialStore(dir.resolve("s").resolve("trials"));
        assertTrue(SweepState.read(store).isEmpty());
        SweepState state = new SweepState("s-20261129-120000", "abc", "f00", false);
        state.write(store);
        assertEquals(dir.resolve("s").resolve("sweep.json"), SweepState.file(store));
        assertEquals(state, SweepState.read(store).orElseThrow());
        state.asFinished().write(store);
        assertTrue(SweepState.read(store).orElseThrow().finished());
    }
}
