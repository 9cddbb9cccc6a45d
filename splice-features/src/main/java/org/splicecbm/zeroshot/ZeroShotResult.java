package org.splicecbm.zeroshot;

/**
 * One row of the zero-shot study (Bhalla et al., NeurIPS 2024, Fig. 3): the zero-shot accuracy of
 * dense CLIP image embeddings, or of their SpLiCE reconstructions at one l1 penalty, with the
 * reconstructions' sparsity and fidelity.
 *
 * @param l1         SpLiCE's penalty, or NaN for the dense CLIP baseline
 * @param images     images classified
 * @param meanL0     mean number of concepts per image (NaN for dense)
 * @param meanCosine mean {@code cos(reconstruction, z)} over images with a defined angle (1 for dense by definition)
 * @param accuracy   fraction of images whose predicted class is their label
 */
public record ZeroShotResult(double l1, int images, double meanL0, double meanCosine, double accuracy) {

    public boolean dense() {
        return Double.isNaN(l1);
    }
}
