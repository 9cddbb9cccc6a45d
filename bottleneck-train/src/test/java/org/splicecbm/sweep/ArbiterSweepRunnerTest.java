package org.splicecbm.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.runconfig.SweepConfig;

class ArbiterSweepRunnerTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryPlannedPathThroughArbiterInPlanOrder() throws IOException {
        RunConfig config = SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2]\n  probe_l1: [1.0e-4, 1.0e-3]\n");
        List<FeaturePoint> plan = new ArbiterSweepSearch(config).paths();
        List<FeaturePoint> ran = Collections.synchronizedList(new ArrayList<>());
        List<PathOutcome> results = ArbiterSweepRunner.run(config, plan, t -> {
            ran.add(t.point());
            assertEquals(t.point().spliceL1(), t.config().splice().l1Penalty(), "the task builds the path's config");
            assertEquals(List.of(1e-4, 1e-3), t.config().probe().path().penalties(), "the sweep's probe_l1 are the path's penalties");
            return TrialStoreTest.outcome(t, t.point().spliceL1());
        }, SweepConfig.Metric.VAL_ACCURACY);
        assertEquals(plan, ran);
        assertEquals(plan, results.stream().map(PathOutcome::point).toList());
    }

    @Test
    void stopsAtTheFirstFailureAndNamesThePath() throws IOException {
        RunConfig config = SweepConfigs.load(dir, "sweep:\n  splice_l1: [0.1, 0.2, 0.3]\n");
        List<FeaturePoint> plan = new ArbiterSweepSearch(config).paths();
        List<FeaturePoint> ran = Collections.synchronizedList(new ArrayList<>());
        ArbiterSweepRunner.SweepFailedException e = assertThrows(ArbiterSweepRunner.SweepFailedException.class,
                () -> ArbiterSweepRunner.run(config, plan, t -> {
                    ran.add(t.point());
                    if (t.point().spliceL1() == 0.2) {
                        throw new IllegalStateException("no training features at somewhere");
                    }
                    return TrialStoreTest.outcome(t, 0.5);
                }, SweepConfig.Metric.VAL_ACCURACY));
        assertTrue(e.getMessage().contains("splice l1 0.2") && e.getMessage().contains("no training features at somewhere")
                && e.getMessage().contains("rerun the same command to resume"), e.getMessage());
        assertEquals(plan.subList(0, 2), ran, "no path after the failed one is started");
    }
}
