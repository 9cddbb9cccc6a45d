package org.splicecbm.features;

import java.util.List;
import org.splicecbm.decompose.Decomposition;

/**
 * The SpLiCE step of the feature stage: raw CLIP image embeddings in, sparse nonnegative concept
 * weights out (Bhalla et al., NeurIPS 2024, Eq. 3: centre with the image mean, normalise, solve the
 * nonnegative lasso against the centred concept dictionary). The feature stage streams cached
 * embeddings through it batch by batch; results must not depend on how rows are batched.
 */
public interface BatchDecomposer {
    /** Decomposes {@code rawEmbeddings} (one row per image, as the backbone returned them). */
    Decomposition decompose(float[][] rawEmbeddings);

    /**
     * Decomposes {@code rawEmbeddings} at each l1 of {@code l1Values}, one result per value in the given
     * order. A decomposer without an l1 path supports only its own {@link #l1Penalty()}.
     */
    default List<Decomposition> decomposePath(float[][] rawEmbeddings, List<Double> l1Values) {
        if (!l1Values.equals(List.of(l1Penalty()))) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " solves only l1 = " + l1Penalty()
                    + ", not the path " + l1Values);
        }
        return List.of(decompose(rawEmbeddings));
    }

    /** SpLiCE's l1 penalty. */
    double l1Penalty();

    /** Solver name for metadata. */
    String solver();

    /** Solver tolerance for metadata. */
    double tolerance();
}
