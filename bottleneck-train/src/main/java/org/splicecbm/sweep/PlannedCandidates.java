package org.splicecbm.sweep;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * Feeds a plan made by a {@link SweepSearch} to Arbiter's runner, candidate {@code i} being trial
 * {@code i}: the plan is fixed up front (so reruns see the same trials), the runner then schedules it.
 */
final class PlannedCandidates implements CandidateGenerator {
    private final List<TrialParams> plan;
    private final AtomicInteger next = new AtomicInteger();

    PlannedCandidates(List<TrialParams> plan) {
        this.plan = List.copyOf(plan);
    }

    @Override
    public boolean hasMoreCandidates() {
        return next.get() < plan.size();
    }

    @Override
    public Candidate getCandidate() {
        int index = next.getAndIncrement();
        TrialParams p = plan.get(index);
        return new Candidate<>(p, index, new double[] {p.vocabularySize(), p.spliceL1(), p.probeL1()});
    }

    @Override
    public void reportResults(OptimizationResult result) {
        // the plan does not adapt to results
    }

    @Override
    public ParameterSpace<?> getParameterSpace() {
        return null;
    }

    @Override
    public void setRngSeed(long rngSeed) {
        // a fixed plan has no randomness left
    }

    @Override
    public Class<?> getCandidateType() {
        return TrialParams.class;
    }
}
