package org.splicecbm.extract;

import org.splicecbm.store.CsrMatrix;

/**
 * SpLiCE concept weights of one batch of images, with the per-row diagnostics the paper reports.
 *
 * @param weights one row per image, one column per concept, nonnegative
 * @param l0      nonzero concepts per row
 * @param cosine  cosine between each centred embedding and its reconstruction
 */
public record DecomposedBatch(CsrMatrix weights, int[] l0, float[] cosine) {
    public DecomposedBatch {
        if (l0.length != weights.rows() || cosine.length != weights.rows()) {
            throw new IllegalArgumentException("decomposition of " + weights.rows() + " rows came with "
                    + l0.length + " L0 values and " + cosine.length + " cosines");
        }
    }
}
