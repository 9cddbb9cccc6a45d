package org.splicecbm.backbone.openclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModelException;
import org.splicecbm.backbone.ClipTokenizer;
import org.splicecbm.backbone.TokenBatch;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.engine.DjlRuntime;
import org.splicecbm.image.PreprocessSpec;
import org.splicecbm.image.PreprocessSpecs;

/**
 * An OpenAI-architecture ResNet CLIP (RN50, RN101, RN50x4, ...; Radford et al., 2021) in OpenCLIP format
 * ({@code open_clip_config.json}, {@code open_clip_model.safetensors} or {@code open_clip_pytorch_model.bin},
 * {@code tokenizer.json}) on DJL's PyTorch engine in float32: the {@link ModifiedResNet} image tower and the
 * shared causal text transformer. SpLiCE's {@code clip:RN50} backbone (Bhalla et al., NeurIPS 2024).
 * Calls are serialised; weights live in one NDManager freed by {@link #close()}.
 */
public final class OpenClipBackbone implements ClipBackbone {
    public static final String CONFIG = "open_clip_config.json";
    public static final String TOKENIZER = "tokenizer.json";

    private final String name;
    private final NDManager manager;
    private final ModifiedResNet vision;
    private final TextTower text;
    private final ClipTokenizer tokenizer;
    private final PreprocessSpec preprocessing;
    private final int batchSize;

    private OpenClipBackbone(String name, NDManager manager, ModifiedResNet vision, TextTower text,
                             ClipTokenizer tokenizer, PreprocessSpec preprocessing, int batchSize) {
        this.name = name;
        this.manager = manager;
        this.vision = vision;
        this.text = text;
        this.tokenizer = tokenizer;
        this.preprocessing = preprocessing;
        this.batchSize = batchSize;
    }

    /** Loads a model directory that also holds the tokenizer; fails naming the file, key or tensor at fault. */
    public static OpenClipBackbone load(Path dir, BackboneOptions options) {
        return load(dir, dir.resolve(TOKENIZER), options);
    }

    /**
     * Loads a model directory with a tokenizer kept elsewhere: OpenCLIP's hub repositories (e.g.
     * {@code timm/resnet50_clip.openai}) ship no {@code tokenizer.json}; OpenAI CLIP's BPE is the one in
     * {@code openai/clip-vit-base-patch32}.
     */
    public static OpenClipBackbone load(Path dir, Path tokenizerJson, BackboneOptions options) {
        return load(dir, tokenizerJson, options, dir.toString());
    }

    /** As {@link #load(Path, Path, BackboneOptions)}, reporting {@code name} as {@link #name()} (e.g. {@code clip:RN50}). */
    public static OpenClipBackbone load(Path dir, Path tokenizerJson, BackboneOptions options, String name) {
        Path configFile = require(dir.resolve(CONFIG), "(the OpenCLIP model config from the hub repository)");
        Path tokenizerFile = require(tokenizerJson, "(an OpenAI CLIP tokenizer, e.g. openai/clip-vit-base-patch32's)");
        OpenClipConfig config = OpenClipConfig.read(configFile);
        PreprocessSpec spec = preprocessing(configFile);
        DjlRuntime.configure(options.threads());
        NDManager manager = NDManager.newBaseManager(DjlRuntime.device(options.device()));
        ClipTokenizer tokenizer = null;
        try (OpenClipWeights weights = OpenClipWeights.open(dir)) {
            ModifiedResNet vision = ModifiedResNet.load(config.vision(), weights, manager);
            TextTower text = OpenClipTextTower.load(OpenClipTextTower.config(config),
                    (tensor, shape) -> weights.load(manager, tensor, shape));
            tokenizer = ClipTokenizer.open(tokenizerFile, config.text().contextLength(), EndOfTextToken.idIn(tokenizerFile));
            return new OpenClipBackbone(name, manager, vision, text, tokenizer, spec, options.batchSize());
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            manager.close();
            throw e;
        }
    }

    private static PreprocessSpec preprocessing(Path configFile) {
        try {
            return PreprocessSpecs.fromOpenClip(configFile);
        } catch (IOException e) {
            throw new ClipModelException("cannot read " + configFile + ": " + e.getMessage(), e);
        }
    }

    private static Path require(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new ClipModelException("OpenCLIP model file not found: " + file + " " + hint);
        }
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int embeddingDim() {
        return vision.config().embedDim();
    }

    @Override
    public PreprocessSpec preprocessing() {
        return preprocessing;
    }

    @Override
    public synchronized float[][] embedImages(float[][] pixels) {
        int n = preprocessing.pixelCount();
        int size = vision.config().imageSize();
        float[][] out = new float[pixels.length][];
        DjlRuntime.inferenceMode();
        for (int start = 0; start < pixels.length; start += batchSize) {
            int rows = Math.min(batchSize, pixels.length - start);
            float[] flat = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                float[] row = pixels[start + r];
                if (row == null || row.length != n) {
                    throw new IllegalArgumentException("image " + (start + r) + " must have " + n + " floats (3x"
                            + size + "x" + size + " CHW), found " + (row == null ? "null" : row.length));
                }
                System.arraycopy(row, 0, flat, r * n, n);
            }
            try (NDManager scope = manager.newSubManager()) {
                copyRows(vision.forward(scope.create(flat, new Shape(rows, 3, size, size))), out, start);
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
