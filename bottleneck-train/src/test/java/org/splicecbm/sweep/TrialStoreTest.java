package org.splicecbm.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.runconfig.RunConfig;

class TrialStoreTest {
    @TempDir
    Path dir;

    static TrialResult result(Trial t, double val) {
        return new TrialResult(t.params(), t.fingerprint(), val, val, val, val - 0.1, 12.5, 40, 7, "run-" + t.params().key(), "abc");
    }

    @Test
    void trialConfigAppliesThePointAndDropsTheSweepSection() throws IOException {
        RunConfig base = SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n");
        Trial t = Trial.of(base, new TrialParams(5000, 0.2, 1e-3));
        assertEquals(5000, t.config().concepts().size());
        assertEquals(0.2, t.config().splice().l1Penalty());
        assertEquals(1e-3, t.config().probe().l1());
        assertNull(t.config().sweep());
        assertEquals(base.probe().epochs(), t.config().probe().epochs());
        assertEquals(t.fingerprint(), Trial.of(base, new TrialParams(5000, 0.2, 1e-3)).fingerprint());
        assertNotEquals(t.fingerprint(), Trial.of(base, new TrialParams(5000, 0.2, 1e-4)).fingerprint());
        RunConfig elsewhere = SweepConfigs.load(dir, "tracking:\n  uri: http://127.0.0.1:5000\nsweep:\n  splice_l1: [0.1, 0.2]\n");
        assertEquals(t.fingerprint(), Trial.of(elsewhere, t.params()).fingerprint(), "where runs are tracked does not matter");
    }

    @Test
    void resumingRunsEachTrialOnceAndRerunsWhenTheConfigChanged() throws Exception {
        RunConfig base = SweepConfigs.load(dir, "");
        AtomicInteger runs = new AtomicInteger();
        TrialStore store = new TrialStore(dir.resolve("trials"));
        ResumingExecutor executor = new ResumingExecutor(store, t -> result(t, 0.5 + runs.incrementAndGet()));
        Trial trial = Trial.of(base, new TrialParams(100, 0.3, 0.0));
        TrialResult first = executor.run(trial);
        assertEquals(first, executor.run(trial), "stored result returned");
        assertEquals(first, new ResumingExecutor(new TrialStore(dir.resolve("trials")), t -> fail("must not run")).run(trial),
                "a new sweep process finds it too");
        assertEquals(1, runs.get());
        assertEquals(1, executor.resumed());

        Trial changed = Trial.of(base.withProbe(base.probe().toBuilder().epochs(3).build()), trial.params());
        assertTrue(store.completed(changed).isEmpty(), "another resolved config: stale");
        assertEquals(2.5, executor.run(changed).valAccuracy());
        assertEquals(2, runs.get());
    }

    @Test
    void failedTrialsAreNotStored() throws IOException {
        Trial trial = Trial.of(SweepConfigs.load(dir, ""), new TrialParams(100, 0.3, 0.0));
        ResumingExecutor executor = new ResumingExecutor(new TrialStore(dir.resolve("trials")), t -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> executor.run(trial));
        assertTrue(new TrialStore(dir.resolve("trials")).completed(trial).isEmpty());
    }

    @Test
    void aCorruptResultIsAClearError() throws IOException {
        Trial trial = Trial.of(SweepConfigs.load(dir, ""), new TrialParams(100, 0.3, 0.0));
        Files.createDirectories(dir.resolve("trials"));
        Files.writeString(dir.resolve("trials").resolve(trial.params().key() + ".json"), "{\"params\": ");
        IOException e = assertThrows(IOException.class, () -> new TrialStore(dir.resolve("trials")).completed(trial));
        assertTrue(e.getMessage().contains(trial.params().key() + ".json") && e.getMessage().contains("delete the file"), e.getMessage());
    }
}
