package org.splicecbm.sweep;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * Feeds a plan made by a {@link SweepSearch} to Arbiter's runner, candidate {@code i} being path
 * {@code i}: the plan is fixed up front (so reruns see the same paths), the runner then schedules it.
 */
final class PlannedCandidates implements CandidateGenerator {
    private final List<FeaturePoint> plan;
    private final AtomicInteger next = new AtomicInteger();

    PlannedCandidates(List<FeaturePoint> plan) {
        this.plan = List.copyOf(plan);
    }

    @Override
    public boolean hasMoreCandidates() {
        return next.get() < plan.size();
    }

    @Override
    public Candidate getCandidate() {
        int index = next.getAndIncrement();
        FeaturePoint p = plan.get(index);
        return new Candidate<>(p, index, new double[] {p.vocabularySize(), p.spliceL1()});
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
        return FeaturePoint.class;
    }
}
