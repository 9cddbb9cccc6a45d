package org.splicecbm.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.backbone.transformer.VisionTower;
import org.splicecbm.backbone.transformer.WeightSource;
import org.splicecbm.backbone.weights.CheckpointWeights;
import org.splicecbm.backbone.weights.SafetensorsFile;
import org.splicecbm.engine.DjlRuntime;
import org.splicecbm.image.PreprocessSpec;
import org.splicecbm.image.PreprocessSpecs;

/**
 * A CLIP model (Radford et al., 2021) in Hugging Face format ({@code config.json},
 * {@code model.safetensors}, {@code tokenizer.json}, {@code preprocessor_config.json}) run on DJL's
 * PyTorch engine in float32. Outputs match transformers' {@code get_image_features} /
 * {@code get_text_features}. Calls are serialised (one forward pass at a time); weights live in one
 * NDManager freed by {@link #close()}.
 */
public final class HfClipBackbone extends EngineBackbone {
    static final String SAFETENSORS = "model.safetensors";
    static final String TORCH_BIN = "pytorch_model.bin";
    private final VisionTower vision;

    private HfClipBackbone(String name, NDManager manager, VisionTower vision, TextTower text,
                           ClipTokenizer tokenizer, PreprocessSpec preprocessing, int batchSize) {
        super(name, manager, text, tokenizer, preprocessing, batchSize);
        this.vision = vision;
    }

    /** Loads a model directory, named by its path; see {@link #load(Path, BackboneOptions, String)}. */
    public static HfClipBackbone load(Path modelDir, BackboneOptions options) {
        return load(modelDir, options, modelDir.toString());
    }

    /**
     * Loads a model directory; fails naming the file at fault when anything is missing or inconsistent.
     *
     * @param name what {@link #name()} reports, e.g. {@code hf:openai/clip-vit-base-patch32}
     */
    public static HfClipBackbone load(Path modelDir, BackboneOptions options, String name) {
        if (!Files.isDirectory(modelDir)) {
            throw new ClipModelException("CLIP model directory not found: " + modelDir);
        }
        HfClipConfig config = HfClipConfig.read(modelDir.resolve("config.json"));
        PreprocessSpec spec = readPreprocessing(modelDir, config);
        Path weightsFile = weightsFile(modelDir);
        NDManager manager = NDManager.newBaseManager(DjlRuntime.open(options.device(), options.threads()));
        ClipTokenizer tokenizer = null;
        try (Weights weights = Weights.open(weightsFile, manager)) {
            VisionTower vision = HfClipTowers.vision(config.visionTower(), weights.source());
            TextTower text = HfClipTowers.text(config.textTower(), weights.source());
            tokenizer = ClipTokenizer.open(modelDir.resolve("tokenizer.json"), config.text().maxPositionEmbeddings(),
                    config.text().padTokenId());
            return new HfClipBackbone(name, manager, vision, text, tokenizer, spec, options.batchSize());
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            manager.close();
            throw e;
        }
    }

    /** {@code model.safetensors}, else (older hub repositories) {@code pytorch_model.bin}. */
    private static Path weightsFile(Path modelDir) {
        Path bin = modelDir.resolve(TORCH_BIN);
        if (!Files.isRegularFile(modelDir.resolve(SAFETENSORS)) && Files.isRegularFile(bin)) {
            return bin;
        }
        return requireFile(modelDir.resolve(SAFETENSORS), "(or " + TORCH_BIN + ", a PyTorch state dict)");
    }

    /** The open weights file as a {@link WeightSource}: safetensors directly, a torch.save state dict through the safe unpickler. */
    private record Weights(WeightSource source, AutoCloseable file) implements AutoCloseable {
        static Weights open(Path file, NDManager manager) {
            if (file.getFileName().toString().equals(TORCH_BIN)) {
                CheckpointWeights w = CheckpointWeights.fromTorch(file);
                return new Weights((tensor, shape) -> w.load(manager, tensor, shape), w);
            }
            SafetensorsFile st = SafetensorsFile.open(file);
            return new Weights((tensor, shape) -> st.loadFloats(manager, tensor, shape), st);
        }

        @Override
        public void close() {
            try {
                file.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static PreprocessSpec readPreprocessing(Path modelDir, HfClipConfig config) {
        Path file = requireFile(modelDir.resolve("preprocessor_config.json"),
                "(save the model's CLIPImageProcessor with save_pretrained)");
        PreprocessSpec spec;
        try {
            spec = PreprocessSpecs.fromHuggingFace(file);
        } catch (IOException e) {
            throw new ClipModelException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int size = config.vision().imageSize();
        if (spec.cropHeight() != size || spec.cropWidth() != size) {
            throw new ClipModelException(file + ": crop_size must equal config.json's vision_config.image_size "
                    + size + ", found " + spec.cropHeight() + "x" + spec.cropWidth());
        }
        return spec;
    }

    private static Path requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new ClipModelException("CLIP model file not found: " + file + " " + hint);
        }
        return file;
    }

    @Override
    public int embeddingDim() {
        return vision.config().projectionDim();
    }

    @Override
    protected NDArray embedPixelBatch(NDArray pixels) {
        return vision.embed(pixels);
    }

}
