package org.splicecbm.workflow;

import java.nio.file.Path;
import java.util.List;
import org.splicecbm.sweep.TrialResult;

/**
 * What a {@link SweepRun} produced: every path point's result in plan order, the point chosen on the validation
 * metric, the results folder ({@code trials.csv}, {@code sparsity-accuracy.png/.svg}, {@code sweep.html},
 * {@code config.yaml}, the chosen point's config and model) and the tracked parent run.
 *
 * @param sweepId     the sweep's name, also its results folder under {@code output/sweeps/}
 * @param trials      every path point's result: paths in plan order, each from its largest penalty
 * @param chosen      the best point on the sweep's validation metric
 * @param resultsDir  the results folder
 * @param parentRunId the tracked (MLflow) parent run's id; each path point is a child run
 */
public record SweepResult(String sweepId, List<TrialResult> trials, TrialResult chosen, Path resultsDir, String parentRunId) {
    public SweepResult {
        trials = List.copyOf(trials);
    }
}
