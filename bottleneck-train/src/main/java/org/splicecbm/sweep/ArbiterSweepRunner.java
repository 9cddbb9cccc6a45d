package org.splicecbm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.runconfig.SweepConfig;

/**
 * Runs a sweep's planned paths (one per vocabulary size and SpLiCE l1) with Arbiter's {@link LocalOptimizationRunner}: our
 * {@link PlannedCandidates} generator, {@link TrialTaskCreator} and {@link SelectionScore}, one trial at a
 * time (a trial already uses every core), stopping at the plan's end or the first failure.
 */
public final class ArbiterSweepRunner {
    private ArbiterSweepRunner() {}

    /**
     * Runs every path of {@code plan}; returns their results in plan order.
     *
     * @throws SweepFailedException when a path failed (paths finished before it are stored by the executor)
     */
    public static List<PathOutcome> run(RunConfig sweepConfig, List<FeaturePoint> plan, TrialExecutor executor,
                                        SweepConfig.Metric metric) {
        TrialTaskCreator tasks = new TrialTaskCreator(sweepConfig, executor);
        OptimizationConfiguration configuration = new OptimizationConfiguration.Builder()
                .candidateGenerator(new PlannedCandidates(plan))
                .scoreFunction(new SelectionScore(metric))
                .terminationConditions(new MaxCandidatesCondition(plan.size()), new StopOnFailure())
                .build();
        new LocalOptimizationRunner(1, configuration, tasks).execute();
        Map<Integer, Exception> failures = tasks.failures();
        if (!failures.isEmpty()) {
            int index = failures.keySet().stream().min(Integer::compare).orElseThrow();
            throw new SweepFailedException(plan.get(index), failures.get(index));
        }
        List<PathOutcome> results = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            PathOutcome r = tasks.results().get(i);
            if (r == null) {
                throw new IllegalStateException("Arbiter's runner ended without running path " + i + " (" + plan.get(i) + ")");
            }
            results.add(r);
        }
        return results;
    }

    /** A path failed; the message names it and the cause. */
    public static final class SweepFailedException extends RuntimeException {
        SweepFailedException(FeaturePoint trial, Exception cause) {
            super("path " + trial + " failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage())
                    + "; finished paths are kept, rerun the same command to resume", cause);
        }
    }
}
