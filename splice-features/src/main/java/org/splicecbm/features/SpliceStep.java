package org.splicecbm.features;

import java.util.List;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;

/**
 * The feature stage's SpLiCE step backed by the exact nonnegative lasso ({@link SpliceDecomposer}):
 * owns the decomposer (and its engine resources) for one dictionary, image mean and l1.
 */
public final class SpliceStep implements BatchDecomposer, AutoCloseable {
    /** Name recorded in feature-set metadata. */
    public static final String SOLVER = "splice-cbm working-set nonnegative lasso (duality gap)";
    private final SpliceDecomposer decomposer;
    private final double l1;
    private final double tolerance;

    public SpliceStep(float[][] centredDictionary, float[] imageMean, double l1, double relativeGapTolerance) {
        this(new SpliceDecomposer(centredDictionary, imageMean, l1,
                SolverOptions.defaults().withRelativeGapTolerance(relativeGapTolerance)), l1, relativeGapTolerance);
    }

    /** Wraps a decomposer made (and checked) by {@link org.splicecbm.splice.SpliceAssembly}; takes ownership of it. */
    public SpliceStep(SpliceDecomposer decomposer, double l1, double relativeGapTolerance) {
        this.decomposer = decomposer;
        this.l1 = l1;
        this.tolerance = relativeGapTolerance;
    }

    /** The decomposer, for recomposition and interventions. */
    public SpliceDecomposer decomposer() {
        return decomposer;
    }

    @Override
    public Decomposition decompose(float[][] rawEmbeddings) {
        return decomposer.decompose(rawEmbeddings);
    }

    @Override
    public List<Decomposition> decomposePath(float[][] rawEmbeddings, List<Double> l1Values) {
        return decomposer.decomposePath(rawEmbeddings, l1Values);
    }

    @Override
    public double l1Penalty() {
        return l1;
    }

    @Override
    public String solver() {
        return SOLVER;
    }

    @Override
    public double tolerance() {
        return tolerance;
    }

    @Override
    public void close() {
        decomposer.close();
    }
}
