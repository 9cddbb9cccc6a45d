package org.splicecbm.extract;

import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;

/**
 * The feature stage's decomposer: SpLiCE (Bhalla et al., NeurIPS 2024, Sec. 4) with the centred
 * concept dictionary, the image mean and an l1 penalty, solved by the exact nonnegative lasso of
 * {@link SpliceDecomposer}. Owns the solver's engine resources: close it when done.
 */
public final class SpliceBatchDecomposer implements BatchDecomposer, AutoCloseable {
    /** Solver name recorded in feature-set metadata. */
    public static final String SOLVER = "nonnegative-lasso-working-set";

    private final SpliceDecomposer decomposer;
    private final double l1;
    private final SolverOptions options;

    public SpliceBatchDecomposer(ConceptDictionary dictionary, ImageMean mean, double l1, SolverOptions options) {
        if (mean.dim() != dictionary.dim()) {
            throw new IllegalArgumentException("image mean (" + mean.source() + ") has d = " + mean.dim()
                    + " but the concept dictionary of " + dictionary.provenance().backbone() + " has d = " + dictionary.dim());
        }
        this.decomposer = new SpliceDecomposer(dictionary.vectors(), mean.vector(), l1, options);
        this.l1 = l1;
        this.options = options;
    }

    @Override
    public DecomposedBatch decompose(float[][] rawEmbeddings) {
        Decomposition d = decomposer.decompose(rawEmbeddings);
        return new DecomposedBatch(d.weights(), d.l0(), d.cosine());
    }

    @Override
    public double l1Penalty() {
        return l1;
    }

    @Override
    public String solver() {
        return SOLVER;
    }

    /** The solver's relative duality-gap tolerance. */
    @Override
    public double tolerance() {
        return options.relativeGapTolerance();
    }

    @Override
    public void close() {
        decomposer.close();
    }
}
