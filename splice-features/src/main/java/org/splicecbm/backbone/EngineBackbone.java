package org.splicecbm.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.engine.DjlRuntime;
import org.splicecbm.image.PreprocessSpec;

/**
 * What every CLIP backbone on DJL shares, whatever its image tower: batching, input checks, the
 * text tower and tokenizer, and ownership of the NDManager holding the weights (freed by {@link #close()}).
 * Calls are serialised: one forward pass at a time. Subclasses supply the image tower's forward pass.
 */
public abstract class EngineBackbone implements ClipBackbone {
    private final String name;
    private final NDManager manager;
    private final TextTower text;
    private final ClipTokenizer tokenizer;
    private PreprocessSpec preprocessing;
    private final int batchSize;

    protected EngineBackbone(String name, NDManager manager, TextTower text, ClipTokenizer tokenizer,
                             PreprocessSpec preprocessing, int batchSize) {
        this.name = name;
        this.manager = manager;
        this.text = text;
        this.tokenizer = tokenizer;
        this.preprocessing = preprocessing;
        this.batchSize = batchSize;
    }

    /** The image tower on one batch of pixels (N x 3 x H x W): N x {@link #embeddingDim()} projected features. */
    protected abstract NDArray embedPixelBatch(NDArray pixels);

    @Override
    public String name() {
        return name;
    }

    /**
     * Use another crop-offset rule: SpLiCE's own backbones are preprocessed by OpenCLIP / OpenAI CLIP
     * (torchvision's centre crop), which {@link ClipModels} selects for them. Called before the backbone is shared.
     */
    void useCenterCrop(org.splicecbm.image.CenterCrop crop) {
        preprocessing = preprocessing.withCenterCrop(crop);
    }

    @Override
    public PreprocessSpec preprocessing() {
        return preprocessing;
    }

    @Override
    public synchronized float[][] embedImages(float[][] pixels) {
        int n = preprocessing.pixelCount();
        int h = preprocessing.cropHeight();
        int w = preprocessing.cropWidth();
        float[][] out = new float[pixels.length][];
        DjlRuntime.inferenceMode();
        for (int start = 0; start < pixels.length; start += batchSize) {
            int rows = Math.min(batchSize, pixels.length - start);
            float[] flat = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                float[] row = pixels[start + r];
                if (row == null || row.length != n) {
                    throw new IllegalArgumentException("image " + (start + r) + " must have " + n + " floats (3x"
                            + h + "x" + w + " CHW), found " + (row == null ? "null" : row.length));
                }
                System.arraycopy(row, 0, flat, r * n, n);
            }
            try (NDManager scope = manager.newSubManager()) {
                copyRows(embedPixelBatch(scope.create(flat, new Shape(rows, 3, h, w))), out, start);
            }
        }
        return out;
    }

    @Override
    public synchronized float[][] embedTexts(List<String> texts) {
        float[][] out = new float[texts.size()][];
        DjlRuntime.inferenceMode();
        for (int start = 0; start < texts.size(); start += batchSize) {
            TokenBatch tokens = tokenizer.encode(texts.subList(start, Math.min(texts.size(), start + batchSize)));
            try (NDManager scope = manager.newSubManager()) {
                copyRows(text.embed(scope, tokens.ids(), tokens.mask()), out, start);
            }
        }
        return out;
    }

    /** Tokenises texts exactly as {@link #embedTexts} does (ids padded to the context length). */
    public TokenBatch tokenize(List<String> texts) {
        return tokenizer.encode(texts);
    }

    private static void copyRows(NDArray embeddings, float[][] out, int start) {
        int dim = (int) embeddings.getShape().get(1);
        float[] values = embeddings.toFloatArray();
        for (int r = 0; r < values.length / dim; r++) {
            out[start + r] = Arrays.copyOfRange(values, r * dim, (r + 1) * dim);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
