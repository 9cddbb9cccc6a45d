package org.splicecbm.features;

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

    /** SpLiCE's l1 penalty. */
    double l1Penalty();

    /** Solver name for metadata. */
    String solver();

    /** Solver tolerance for metadata. */
    double tolerance();
}
