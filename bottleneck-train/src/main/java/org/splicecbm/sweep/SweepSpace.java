package org.splicecbm.sweep;

import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.AbstractParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;

/**
 * The sweep's search space as an Arbiter {@link ParameterSpace}: three discrete leaves (probe l1, SpLiCE
 * l1, vocabulary size) mapped to a {@link TrialParams}. The leaf order matters for Arbiter's sequential
 * grid, which varies the first leaf fastest: the probe l1 changes fastest and the vocabulary size
 * slowest, so trials sharing a feature set run one after another.
 */
final class SweepSpace extends AbstractParameterSpace<TrialParams> {
    private final DiscreteParameterSpace<Double> probeL1;
    private final DiscreteParameterSpace<Double> spliceL1;
    private final DiscreteParameterSpace<Integer> vocabularySize;
    private final int combinations;

    SweepSpace(List<Integer> vocabularySizes, List<Double> spliceL1s, List<Double> probeL1s) {
        this.probeL1 = new DiscreteParameterSpace<>(probeL1s);
        this.spliceL1 = new DiscreteParameterSpace<>(spliceL1s);
        this.vocabularySize = new DiscreteParameterSpace<>(vocabularySizes);
        this.combinations = vocabularySizes.size() * spliceL1s.size() * probeL1s.size();
    }

    /** How many distinct trials the space holds (the size of the grid). */
    int combinations() {
        return combinations;
    }

    @Override
    public TrialParams getValue(double[] input) {
        return new TrialParams(vocabularySize.getValue(input), spliceL1.getValue(input), probeL1.getValue(input));
    }

    @Override
    public int numParameters() {
        return 3;
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        return List.of(probeL1, spliceL1, vocabularySize);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    /** Arbiter's generators index the leaves themselves; a composite space has no index of its own. */
    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("SweepSpace is not a leaf; its leaves are indexed by the candidate generator");
    }
}
