package org.splicecbm.sweep;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.splicecbm.runconfig.RunConfig;

/**
 * Arbiter's {@link TaskCreator} for a sweep's paths: the task builds the path's config, runs it through
 * the {@link TrialExecutor}, and scores it. Results and errors are kept by candidate index, because
 * Arbiter itself keeps only a score and a stack-trace string.
 */
final class TrialTaskCreator implements TaskCreator {
    private final RunConfig sweepConfig;
    private final TrialExecutor executor;
    private final Map<Integer, PathOutcome> results = new ConcurrentHashMap<>();
    private final Map<Integer, Exception> failures = new ConcurrentHashMap<>();

    TrialTaskCreator(RunConfig sweepConfig, TrialExecutor executor) {
        this.sweepConfig = sweepConfig;
        this.executor = executor;
    }

    Map<Integer, PathOutcome> results() {
        return results;
    }

    Map<Integer, Exception> failures() {
        return failures;
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider dataProvider, ScoreFunction score,
                                               List<StatusListener> listeners, IOptimizationRunner runner) {
        return () -> runTrial(candidate, score);
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> dataSource,
                                               Properties dataSourceProperties, ScoreFunction score,
                                               List<StatusListener> listeners, IOptimizationRunner runner) {
        return () -> runTrial(candidate, score);
    }

    private OptimizationResult runTrial(Candidate candidate, ScoreFunction score) {
        long start = System.currentTimeMillis();
        int index = candidate.getIndex();
        try {
            PathOutcome result = executor.run(Trial.of(sweepConfig, (FeaturePoint) candidate.getValue()));
            results.put(index, result);
            double value = score.score(result, (DataProvider) null, candidate.getDataParameters());
            CandidateInfo info = new CandidateInfo(index, CandidateStatus.Complete, value, start, start,
                    System.currentTimeMillis(), candidate.getFlatParameters(), null);
            return new OptimizationResult(candidate, value, index, result, info, null);
        } catch (Exception e) {
            failures.put(index, e);
            CandidateInfo info = new CandidateInfo(index, CandidateStatus.Failed, null, start, start,
                    System.currentTimeMillis(), candidate.getFlatParameters(), String.valueOf(e));
            return new OptimizationResult(candidate, null, index, null, info, null);
        }
    }
}
