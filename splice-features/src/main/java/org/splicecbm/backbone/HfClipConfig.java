package org.splicecbm.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.backbone.transformer.Activation;
import org.splicecbm.backbone.transformer.EncoderShape;
import org.splicecbm.backbone.transformer.EosPooling;
import org.splicecbm.backbone.transformer.TextTowerConfig;
import org.splicecbm.backbone.transformer.VisionTowerConfig;

/**
 * A Hugging Face {@code CLIPModel} config.json. Keys absent from the file take transformers' defaults
 * ({@code save_pretrained} writes only the keys that differ from them), which are ViT-B/32's.
 *
 * @param projectionDim width of the joint embedding space ({@code projection_dim} at the top level)
 */
public record HfClipConfig(Text text, Vision vision, int projectionDim) {

    /** {@code text_config}. */
    public record Text(int hiddenSize, int intermediateSize, int numAttentionHeads, int numHiddenLayers,
                       double layerNormEps, Activation hiddenAct, int maxPositionEmbeddings, int vocabSize,
                       long bosTokenId, long eosTokenId, long padTokenId) {
    }

    /** {@code vision_config}. */
    public record Vision(int hiddenSize, int intermediateSize, int numAttentionHeads, int numHiddenLayers,
                         double layerNormEps, Activation hiddenAct, int imageSize, int patchSize,
                         int numChannels) {
    }

    /** Reads {@code config.json} from a model directory. */
    public static HfClipConfig read(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            throw new ClipModelException("CLIP config not found: " + configJson
                    + " (a Hugging Face CLIP directory needs config.json, model.safetensors, tokenizer.json"
                    + " and preprocessor_config.json)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(configJson.toFile());
        } catch (IOException e) {
            throw new ClipModelException(configJson + " is not valid JSON: " + e.getMessage(), e);
        }
        return new ConfigParser(configJson, root).parse();
    }

    /** The text tower's shape, with transformers' pooling rule for this {@code eos_token_id}. */
    public TextTowerConfig textTower() {
        EncoderShape shape = new EncoderShape(text.hiddenSize, text.numHiddenLayers, text.numAttentionHeads,
                text.intermediateSize, text.layerNormEps, text.hiddenAct);
        return new TextTowerConfig(shape, text.vocabSize, text.maxPositionEmbeddings, projectionDim,
                EosPooling.forHuggingFace(text.eosTokenId));
    }

    /** The image tower's shape. */
    public VisionTowerConfig visionTower() {
        EncoderShape shape = new EncoderShape(vision.hiddenSize, vision.numHiddenLayers, vision.numAttentionHeads,
                vision.intermediateSize, vision.layerNormEps, vision.hiddenAct);
        return new VisionTowerConfig(shape, vision.imageSize, vision.patchSize, vision.numChannels, projectionDim);
    }

    /** Walks the JSON tree with messages that name the file and key. */
    private record ConfigParser(Path file, JsonNode root) {
        HfClipConfig parse() {
            requireClip();
            JsonNode t = section("text_config");
            JsonNode v = section("vision_config");
            Text text = new Text(integer(t, "text_config", "hidden_size", 512),
                    integer(t, "text_config", "intermediate_size", 2048),
                    integer(t, "text_config", "num_attention_heads", 8),
                    integer(t, "text_config", "num_hidden_layers", 12),
                    t.path("layer_norm_eps").asDouble(1e-5), activation(t, "text_config"),
                    integer(t, "text_config", "max_position_embeddings", 77),
                    integer(t, "text_config", "vocab_size", 49408),
                    t.path("bos_token_id").asLong(49406), t.path("eos_token_id").asLong(49407),
                    t.path("pad_token_id").asLong(1));
            Vision vision = new Vision(integer(v, "vision_config", "hidden_size", 768),
                    integer(v, "vision_config", "intermediate_size", 3072),
                    integer(v, "vision_config", "num_attention_heads", 12),
                    integer(v, "vision_config", "num_hidden_layers", 12),
                    v.path("layer_norm_eps").asDouble(1e-5), activation(v, "vision_config"),
                    integer(v, "vision_config", "image_size", 224), integer(v, "vision_config", "patch_size", 32),
                    integer(v, "vision_config", "num_channels", 3));
            return new HfClipConfig(text, vision, integer(root, "top level", "projection_dim", 512));
        }

        private void requireClip() {
            String modelType = root.path("model_type").asText("");
            if (!modelType.equals("clip")) {
                throw new ClipModelException(file + ": model_type must be \"clip\" (a Hugging Face CLIPModel),"
                        + " found " + (modelType.isEmpty() ? "no model_type" : "\"" + modelType + "\""));
            }
            JsonNode architectures = root.path("architectures");
            if (architectures.isArray()) {
                for (JsonNode a : architectures) {
                    if (!a.asText().equals("CLIPModel")) {
                        throw new ClipModelException(file + ": architectures must be [\"CLIPModel\"], found "
                                + architectures);
                    }
                }
            }
        }

        private JsonNode section(String key) {
            JsonNode node = root.path(key);
            if (!node.isObject()) {
                throw new ClipModelException(file + ": \"" + key + "\" must be an object, found "
                        + (node.isMissingNode() ? "nothing" : node.getNodeType()));
            }
            return node;
        }

        private int integer(JsonNode node, String section, String key, int fallback) {
            JsonNode value = node.path(key);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToInt() || value.asInt() <= 0) {
                throw new ClipModelException(file + ": " + section + "." + key
                        + " must be a positive integer, found " + value);
            }
            return value.asInt();
        }

        private Activation activation(JsonNode node, String section) {
            String name = node.path("hidden_act").asText("quick_gelu");
            Activation activation = Activation.fromHfName(name);
            if (activation == null) {
                throw new ClipModelException(file + ": " + section + ".hidden_act must be \"quick_gelu\" or"
                        + " \"gelu\", found \"" + name + "\"");
            }
            return activation;
        }
    }
}
