package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.backbone.ClipModelException;

/**
 * The {@code model_cfg} of an OpenCLIP {@code open_clip_config.json} for a ResNet CLIP (embed_dim, quick_gelu,
 * vision_cfg, text_cfg). Its {@code preprocess_cfg} is read by {@link org.splicecbm.image.PreprocessSpecs#fromOpenClip}.
 *
 * @param vision     the ModifiedResNet image tower
 * @param text       the text transformer
 * @param quickGelu  whether the text MLP uses OpenAI's {@code x * sigmoid(1.702 x)} rather than exact GELU
 */
public record OpenClipConfig(ResNetConfig vision, TextShape text, boolean quickGelu) {

    /** OpenCLIP's {@code text_cfg}: a causal transformer of {@code layers} blocks, {@code heads} heads. */
    public record TextShape(int contextLength, int vocabSize, int width, int heads, int layers) {}

    /** Reads and validates {@code file}; errors name the file and the key. */
    public static OpenClipConfig read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IOException("not a JSON object");
            }
        } catch (IOException e) {
            throw new ClipModelException("cannot read OpenCLIP config " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new ClipModelException(file + ": " + e.getMessage(), e);
        }
    }

    private static OpenClipConfig parse(JsonNode root) {
        JsonNode model = object(root, "model_cfg");
        int embedDim = integer(model, "embed_dim", "model_cfg");
        JsonNode vision = object(model, "vision_cfg");
        JsonNode layers = vision.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new IllegalArgumentException("model_cfg.vision_cfg.layers must be a list of 4 block counts (a ResNet);"
                    + " found " + layers + " (an integer means a ViT tower, which this loader does not handle)");
        }
        int imageSize = integer(vision, "image_size", "model_cfg.vision_cfg");
        ResNetConfig resnet = new ResNetConfig(imageSize, ints(layers),
                integer(vision, "width", "model_cfg.vision_cfg"), optionalInt(vision, "head_width", 64), embedDim);
        JsonNode text = object(model, "text_cfg");
        String t = "model_cfg.text_cfg";
        TextShape textShape = new TextShape(optionalInt(text, "context_length", 77), optionalInt(text, "vocab_size", 49408),
                integer(text, "width", t), integer(text, "heads", t), integer(text, "layers", t));
        boolean quickGelu = model.path("quick_gelu").asBoolean(false);
        return new OpenClipConfig(resnet, textShape, quickGelu);
    }

    private static JsonNode object(JsonNode parent, String key) {
        JsonNode e = parent.get(key);
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException("key '" + key + "' must be an object, found " + e);
        }
        return e;
    }

    private static int integer(JsonNode parent, String key, String path) {
        JsonNode e = parent.get(key);
        if (e == null || !e.isNumber()) {
            throw new IllegalArgumentException(path + "." + key + " must be an integer, found " + e);
        }
        return e.asInt();
    }

    private static int optionalInt(JsonNode parent, String key, int fallback) {
        JsonNode e = parent.get(key);
        if (e == null || e.isNull()) {
            return fallback;
        }
        if (!e.isNumber()) {
            throw new IllegalArgumentException(key + " must be an integer, found " + e);
        }
        return e.asInt();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isInt()) {
                throw new IllegalArgumentException("model_cfg.vision_cfg.layers must list integers, found " + array);
            }
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
