package org.splicecbm.splice;

import org.splicecbm.concepts.DictionaryMath;

/**
 * What SpLiCE's {@code forward(image, text)} returns (Bhalla et al., NeurIPS 2024): the unit-norm SpLiCE image
 * embeddings and the unit-norm text embeddings, plus their cosine similarities (the zero-shot scores of Sec. 5.1).
 *
 * @param image N x d SpLiCE image embeddings
 * @param text  T x d normalised text embeddings
 */
public record SpliceForward(float[][] image, float[][] text) {

    /** N x T cosine similarities, image rows by text columns. */
    public double[][] similarities() {
        double[][] out = new double[image.length][text.length];
        for (int i = 0; i < image.length; i++) {
            for (int t = 0; t < text.length; t++) {
                out[i][t] = DictionaryMath.cosine(DictionaryMath.widen(image[i]), DictionaryMath.widen(text[t]));
            }
        }
        return out;
    }
}
