package org.splicecbm.decompose;

import org.splicecbm.store.CsrMatrix;

/**
 * SpLiCE decompositions of a batch of images (Bhalla et al., NeurIPS 2024, Sec. 4 and 5.1).
 *
 * @param weights N x c nonnegative concept weights
 * @param l0      per row, the number of positive weights
 * @param cosine  per row, {@code cos(normalize(normalize(w C) + imageMean), z)} with z the normalised
 *                (not centred) image embedding; NaN for an all-zero embedding, whose angle is undefined
 */
public record Decomposition(CsrMatrix weights, int[] l0, float[] cosine) {

    public Decomposition {
        if (l0.length != weights.rows() || cosine.length != weights.rows()) {
            throw new IllegalArgumentException("l0 (" + l0.length + ") and cosine (" + cosine.length
                    + ") must have one entry per weight row (" + weights.rows() + ")");
        }
    }

    public int rows() {
        return weights.rows();
    }
}
