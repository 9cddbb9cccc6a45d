package org.splicecbm.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.runconfig.SweepConfig;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * {@link SweepSearch} with Arbiter's candidate generators over a {@link SweepSpace} of vocabulary size x SpLiCE
 * l1 (the probe axis is each point's regularisation path, not part of the search): {@code grid} is
 * {@link GridSearchCandidateGenerator} in sequential order (the full cartesian product, vocabulary size
 * slowest); {@code random} is a seeded {@link RandomSearchGenerator}, keeping the first {@code trials}
 * distinct points it draws (a repeated point would be a wasted path).
 */
public final class ArbiterSweepSearch implements SweepSearch {
    /** Random draws allowed per wanted trial before giving up (only reachable with a broken generator). */
    private static final int DRAWS_PER_TRIAL = 10_000;

    private final SweepConfig sweep;
    private final SweepSpace space;

    /** The sweep of {@code config.sweep()} (or a one-trial sweep when it has none) over the config's values. */
    public ArbiterSweepSearch(RunConfig config) {
        this.sweep = config.sweep() == null ? SweepConfig.defaults() : config.sweep();
        this.space = new SweepSpace(sweep.vocabularySizeOr(config.concepts().size()),
                sweep.spliceL1Or(config.splice().l1Penalty()));
    }

    @Override
    public List<FeaturePoint> paths() {
        return sweep.search() == SweepConfig.Search.GRID ? grid() : random();
    }

    private List<FeaturePoint> grid() {
        CandidateGenerator generator = new GridSearchCandidateGenerator(space, 1, GridSearchCandidateGenerator.Mode.Sequential, null);
        List<FeaturePoint> out = new ArrayList<>();
        while (generator.hasMoreCandidates()) {
            out.add(value(generator.getCandidate()));
        }
        return out;
    }

    private List<FeaturePoint> random() {
        int wanted = sweep.trials();
        InvalidArgumentException.require(wanted <= space.combinations(), "sweep.trials",
                "be at most the number of distinct (vocabulary_size, splice_l1) combinations (" + space.combinations()
                        + "); use search: grid to run them all", wanted);
        CandidateGenerator generator = new RandomSearchGenerator(space, null);
        generator.setRngSeed(sweep.seed());
        Set<FeaturePoint> drawn = new LinkedHashSet<>();
        for (long draws = 0; drawn.size() < wanted; draws++) {
            if (draws >= (long) DRAWS_PER_TRIAL * wanted) {
                throw new IllegalStateException("random search drew " + draws + " candidates but found only " + drawn.size()
                        + " distinct combinations of " + wanted);
            }
            drawn.add(value(generator.getCandidate()));
        }
        return List.copyOf(drawn);
    }

    private static FeaturePoint value(Candidate candidate) {
        if (candidate.getException() != null) {
            throw new IllegalStateException("Arbiter could not build candidate " + candidate.getIndex() + ": "
                    + candidate.getException().getMessage(), candidate.getException());
        }
        return (FeaturePoint) candidate.getValue();
    }
}
