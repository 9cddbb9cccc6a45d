package org.splicecbm.backbone;

import java.util.List;
import org.splicecbm.image.PreprocessSpec;

/**
 * A CLIP model (Radford et al., 2021) that embeds images and texts into one space, as SpLiCE
 * (Bhalla et al., NeurIPS 2024) requires. Implementations own their engine resources (DJL NDManager,
 * weights) and release them in {@link #close()}.
 *
 * <p>Embeddings are the raw projected features, exactly what Hugging Face transformers'
 * {@code get_image_features} / {@code get_text_features} return: not normalised.
 */
public interface ClipBackbone extends AutoCloseable {

    /** The name this backbone was opened with, e.g. {@code open_clip:ViT-B-32} or a directory. */
    String name();

    /** Width of the joint embedding space (512 for ViT-B/32, 1024 for RN50). */
    int embeddingDim();

    /** The preprocessing the image tower expects. */
    PreprocessSpec preprocessing();

    /**
     * Embeds preprocessed images.
     *
     * @param pixels one row per image, each {@link PreprocessSpec#pixelCount()} floats in CHW order
     * @return one row of {@link #embeddingDim()} floats per image, in input order
     */
    float[][] embedImages(float[][] pixels);

    /** Embeds texts (tokenised with the model's own tokenizer), one row per text, in input order. */
    float[][] embedTexts(List<String> texts);

    @Override
    void close();
}
