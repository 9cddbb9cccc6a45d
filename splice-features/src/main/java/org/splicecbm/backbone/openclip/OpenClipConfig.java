package org.splicecbm.backbone.openclip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new ClipModelException("cannot read OpenCLIP config " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new ClipModelException(file + ": " + e.getMessage(), e);
        }
    }

    private static OpenClipConfig parse(JsonObject root) {
        JsonObject model = object(root, "model_cfg");
        int embedDim = integer(model, "embed_dim", "model_cfg");
        JsonObject vision = object(model, "vision_cfg");
        JsonElement layers = vision.get("layers");
        if (layers == null || !layers.isJsonArray()) {
            throw new IllegalArgumentException("model_cfg.vision_cfg.layers must be a list of 4 block counts (a ResNet);"
                    + " found " + layers + " (an integer means a ViT tower, which this loader does not handle)");
        }
        int imageSize = integer(vision, "image_size", "model_cfg.vision_cfg");
        ResNetConfig resnet = new ResNetConfig(imageSize, ints(layers.getAsJsonArray()),
                integer(vision, "width", "model_cfg.vision_cfg"), optionalInt(vision, "head_width", 64), embedDim);
        JsonObject text = object(model, "text_cfg");
        String t = "model_cfg.text_cfg";
        TextShape textShape = new TextShape(optionalInt(text, "context_length", 77), optionalInt(text, "vocab_size", 49408),
                integer(text, "width", t), integer(text, "heads", t), integer(text, "layers", t));
        boolean quickGelu = model.has("quick_gelu") && model.get("quick_gelu").getAsBoolean();
        return new OpenClipConfig(resnet, textShape, quickGelu);
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("key '" + key + "' must be an object, found " + e);
        }
        return e.getAsJsonObject();
    }

    private static int integer(JsonObject parent, String key, String path) {
        JsonElement e = parent.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(path + "." + key + " must be an integer, found " + e);
        }
        return e.getAsInt();
    }

    private static int optionalInt(JsonObject parent, String key, int fallback) {
        JsonElement e = parent.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsInt();
    }

    private static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }
}
