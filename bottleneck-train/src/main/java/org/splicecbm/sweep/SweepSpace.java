package org.splicecbm.sweep;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.arbiter.optimize.api.AbstractParameterSpace;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;

/**
 * The sweep's search space as an Arbiter {@link ParameterSpace} of {@link FeaturePoint}s: one discrete leaf
 * per swept axis (SpLiCE l1, vocabulary size). Arbiter's sequential grid varies the first leaf fastest, so
 * the vocabulary size changes slowest. An axis with a single value is a constant, not a leaf: Arbiter beta7's
 * grid leaves single-valued leaves out of the candidate vector while still indexing them, so such a leaf
 * would read past its end.
 */
final class SweepSpace extends AbstractParameterSpace<FeaturePoint> {
    private final Axis<Double> spliceL1;
    private final Axis<Integer> vocabularySize;

    SweepSpace(List<Integer> vocabularySizes, List<Double> spliceL1s) {
        this.spliceL1 = new Axis<>(spliceL1s);
        this.vocabularySize = new Axis<>(vocabularySizes);
    }

    /** How many distinct feature points the space holds (the size of the grid). */
    int combinations() {
        return spliceL1.values.size() * vocabularySize.values.size();
    }

    @Override
    public FeaturePoint getValue(double[] input) {
        return new FeaturePoint(vocabularySize.value(input), spliceL1.value(input));
    }

    @Override
    public int numParameters() {
        return collectLeaves().size();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>(2);
        for (Axis<?> axis : List.of(spliceL1, vocabularySize)) {
            if (axis.leaf != null) {
                leaves.add(axis.leaf);
            }
        }
        return leaves;
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

    /** One swept value list: an Arbiter leaf when it has a choice, else a constant. */
    private static final class Axis<T> {
        final List<T> values;
        final DiscreteParameterSpace<T> leaf;

        Axis(List<T> values) {
            this.values = List.copyOf(values);
            this.leaf = values.size() > 1 ? new DiscreteParameterSpace<>(values) : null;
        }

        T value(double[] input) {
            return leaf == null ? values.get(0) : leaf.getValue(input);
        }
    }
}
