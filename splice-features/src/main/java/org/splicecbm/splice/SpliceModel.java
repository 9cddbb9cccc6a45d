package org.splicecbm.splice;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.CsrMatrix;

/**
 * A SpLiCE model: SpLiCE's {@code SPLICE} module (Bhalla et al., NeurIPS 2024; reference {@code splice/model.py})
 * over a CLIP backbone, a centred concept dictionary and an image mean, solved exactly at one l1 penalty.
 * Made by {@link Splice#load} (then it owns and closes its backbone) or {@link Splice#custom} (the caller's backbone
 * stays open). Images are decoded and preprocessed as the backbone requires, then encoded in order.
 */
public final class SpliceModel implements AutoCloseable {
    private final ClipBackbone backbone;
    private final boolean ownsBackbone;
    private final ConceptDictionary dictionary;
    private final ImageMean mean;
    private final double l1;
    private final SpliceDecomposer decomposer;
    private final ImagePreprocessor preprocessor;
    private final int batchSize;

    SpliceModel(ClipBackbone backbone, boolean ownsBackbone, ConceptDictionary dictionary, ImageMean mean, SpliceOptions options) {
        ConceptBasisCheck.requireMatch(backbone, dictionary, mean);
        this.backbone = backbone;
        this.ownsBackbone = ownsBackbone;
        this.dictionary = dictionary;
        this.mean = mean;
        this.l1 = options.l1();
        this.decomposer = SpliceAssembly.decomposer(dictionary, mean, options.l1(), options.tolerance());
        this.preprocessor = new ImagePreprocessor(backbone.preprocessing());
        this.batchSize = options.backbone().batchSize();
    }

    /** SpLiCE's {@code encode_image}: decompose images read from files (JPEG, PNG, BMP, GIF). */
    public SpliceDecomposition encodeImage(Path... images) throws IOException {
        float[][] pixels = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            pixels[i] = preprocessor.apply(ImageDecoder.decode(images[i]));
        }
        return encodePixels(pixels);
    }

    /** SpLiCE's {@code encode_image} for decoded images. */
    public SpliceDecomposition encodeImage(BufferedImage... images) {
        float[][] pixels = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            pixels[i] = preprocessor.apply(images[i]);
        }
        return encodePixels(pixels);
    }

    /** SpLiCE's {@code encode_image} for images already preprocessed with {@link #preprocessor()}. */
    public SpliceDecomposition encodePixels(float[][] pixels) {
        return decompose(backbone.embedImages(pixels));
    }

    /**
     * SpLiCE's {@code encode_text} (its default, {@code decomp_text=False}): the L2-normalised CLIP text
     * embeddings, one row per text.
     */
    public float[][] encodeText(List<String> texts) {
        float[][] raw = backbone.embedTexts(texts);
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = DictionaryMath.toFloat(DictionaryMath.normalizeOrZero(DictionaryMath.widen(raw[i])));
        }
        return out;
    }

    /**
     * SpLiCE's {@code decompose} for dense CLIP image embeddings (raw, as the backbone returns them; this method
     * normalises and centres them first, as {@code encode_image} does before calling the reference's
     * {@code decompose}).
     */
    public SpliceDecomposition decompose(float[][] denseEmbeddings) {
        return new SpliceDecomposition(decomposer.decompose(denseEmbeddings), dictionary.concepts(), decomposer::recompose);
    }

    /** SpLiCE's {@code recompose_image}: per row {@code normalize(normalize(w C) + mean)}. */
    public float[][] recomposeImage(CsrMatrix weights) {
        return decomposer.recompose(weights);
    }

    /**
     * SpLiCE's {@code intervene_image}: decompose, zero the weights of the named concepts, recompose. A name
     * not in the vocabulary is an error listing the closest ones ({@link ConceptNames}).
     */
    public SpliceDecomposition interveneImage(Path image, List<String> concepts) throws IOException {
        return interveneImage(image, ConceptNames.resolve(dictionary.concepts(), concepts));
    }

    /** SpLiCE's {@code intervene_image} by concept indices (dictionary rows). */
    public SpliceDecomposition interveneImage(Path image, int... conceptIndices) throws IOException {
        float[] pixels = preprocessor.apply(ImageDecoder.decode(image));
        return intervene(backbone.embedImages(new float[][] {pixels}), conceptIndices);
    }

    /** The intervention for dense CLIP image embeddings. */
    public SpliceDecomposition intervene(float[][] denseEmbeddings, int... conceptIndices) {
        return new SpliceDecomposition(decomposer.intervene(denseEmbeddings, conceptIndices), dictionary.concepts(),
                decomposer::recompose);
    }

    /**
     * SpLiCE's {@code forward(image, text)}: the SpLiCE image embeddings and the text embeddings, with their cosine
     * similarities.
     */
    public SpliceForward forward(List<Path> images, List<String> texts) throws IOException {
        return new SpliceForward(encodeImage(images.toArray(Path[]::new)).embedding(), encodeText(texts));
    }

    /** The concept names, dictionary order (SpLiCE's {@code get_vocabulary(name, k)}). */
    public List<String> concepts() {
        return dictionary.concepts();
    }

    public ConceptDictionary dictionary() {
        return dictionary;
    }

    public ImageMean imageMean() {
        return mean;
    }

    public double l1() {
        return l1;
    }

    public ClipBackbone backbone() {
        return backbone;
    }

    /** The preprocessing the backbone expects (SpLiCE's {@code get_preprocess}). */
    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    /** Images per forward pass, as the options set it (the dataset summaries decode this many at a time). */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void close() {
        decomposer.close();
        if (ownsBackbone) {
            backbone.close();
        }
    }
}
