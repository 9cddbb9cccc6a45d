package org.splicecbm.concepts;

/**
 * The image-side centring vector of SpLiCE (Bhalla et al., NeurIPS 2024, Sec. 4.1; SPLICE.md step 2): the mean of
 * L2-normalised CLIP image embeddings, subtracted before decomposing ({@code zc = normalize(z - mean)}) and added
 * back when recomposing. Not itself normalised (SpLiCE's published means have norms 0.56 to 0.70).
 *
 * @param vector d values
 * @param source {@code published:<sha256 of the .pt file>} or {@code dataset:<name>,<image count>}
 */
public record ImageMean(float[] vector, String source) {

    public ImageMean {
        vector = vector.clone();
        for (int j = 0; j < vector.length; j++) {
            if (!Float.isFinite(vector[j])) {
                throw new IllegalArgumentException("image mean from " + source + " has a non-finite value at index " + j);
            }
        }
    }

    /** d, the embedding width. */
    public int dim() {
        return vector.length;
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public String toString() {
        return "ImageMean[d=" + vector.length + ", " + source + "]";
    }
}
