package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.CheckpointWeights;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.EngineBackbone;
import org.splicecbm.backbone.ClipModelException;
import org.splicecbm.backbone.ClipTokenizer;
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
public final class OpenClipBackbone extends EngineBackbone {
    public static final String CONFIG = "open_clip_config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String SAFETENSORS = "open_clip_model.safetensors";
    public static final String TORCH_BIN = "open_clip_pytorch_model.bin";

    private final ModifiedResNet vision;

    private OpenClipBackbone(String name, NDManager manager, ModifiedResNet vision, TextTower text,
                             ClipTokenizer tokenizer, PreprocessSpec preprocessing, int batchSize) {
        super(name, manager, text, tokenizer, preprocessing, batchSize);
        this.vision = vision;
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
        NDManager manager = NDManager.newBaseManager(DjlRuntime.open(options.device(), options.threads()));
        ClipTokenizer tokenizer = null;
        try (CheckpointWeights weights = CheckpointWeights.open(dir, SAFETENSORS, TORCH_BIN)) {
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
    public int embeddingDim() {
        return vision.config().embedDim();
    }

    @Override
    protected NDArray embedPixelBatch(NDArray pixels) {
        return vision.forward(pixels);
    }

}
