package org.splicecbm.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Reads a {@link PreprocessSpec} from the files models ship with: a Hugging Face
 * {@code preprocessor_config.json} ({@code CLIPImageProcessor}) or an OpenCLIP {@code open_clip_config.json}.
 * Settings this pipeline cannot reproduce faithfully are refused rather than approximated.
 */
public final class PreprocessSpecs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PIL_BICUBIC = 3;

    private PreprocessSpecs() {}

    /** Parses a transformers {@code preprocessor_config.json}. */
    public static PreprocessSpec fromHuggingFace(Path preprocessorConfigJson) throws IOException {
        JsonNode root = read(preprocessorConfigJson);
        Reader r = new Reader(preprocessorConfigJson, root);
        r.requireTrue("do_resize", "a fixed-size model input needs resizing");
        r.requireTrue("do_center_crop", "a fixed-size model input needs the centre crop");
        int resample = root.path("resample").asInt(PIL_BICUBIC);
        if (resample != PIL_BICUBIC) {
            throw r.error("resample", "must be 3 (PIL bicubic), the only filter implemented faithfully, found " + root.get("resample"));
        }
        int edge = shortestEdge(r, root.get("size"));
        int[] crop = cropSize(r, root.get("crop_size"), edge);
        double rescale = root.path("do_rescale").asBoolean(true) ? root.path("rescale_factor").asDouble(1.0 / 255.0) : 1.0;
        boolean normalise = root.path("do_normalize").asBoolean(true);
        float[] mean = normalise ? r.triple("image_mean", PreprocessSpec.CLIP_MEAN) : new float[] {0, 0, 0};
        float[] std = normalise ? r.triple("image_std", PreprocessSpec.CLIP_STD) : new float[] {1, 1, 1};
        return r.build(edge, crop[0], crop[1], rescale, mean, std);
    }

    /** Parses an OpenCLIP {@code open_clip_config.json} ({@code model_cfg} and {@code preprocess_cfg}). */
    public static PreprocessSpec fromOpenClip(Path openClipConfigJson) throws IOException {
        JsonNode root = read(openClipConfigJson);
        Reader r = new Reader(openClipConfigJson, root);
        JsonNode sizeNode = root.path("model_cfg").path("vision_cfg").path("image_size");
        int size;
        if (sizeNode.isInt()) {
            size = sizeNode.asInt();
        } else if (sizeNode.isArray() && sizeNode.size() == 2 && sizeNode.get(0).asInt() == sizeNode.get(1).asInt()) {
            size = sizeNode.get(0).asInt();
        } else {
            throw r.error("model_cfg.vision_cfg.image_size", "must be an integer (or a square [h, w]), found " + sizeNode);
        }
        JsonNode pre = root.path("preprocess_cfg");
        String interpolation = pre.path("interpolation").asText("bicubic");
        if (!interpolation.equals("bicubic")) {
            throw r.error("preprocess_cfg.interpolation", "must be \"bicubic\", the only filter implemented faithfully, found \"" + interpolation + "\"");
        }
        String mode = pre.path("resize_mode").asText("shortest");
        if (!mode.equals("shortest")) {
            throw r.error("preprocess_cfg.resize_mode", "must be \"shortest\" (resize the shorter side, then centre-crop), found \"" + mode + "\"");
        }
        Reader pr = new Reader(openClipConfigJson, pre);
        return r.build(size, size, size, 1.0 / 255.0, pr.triple("mean", PreprocessSpec.CLIP_MEAN), pr.triple("std", PreprocessSpec.CLIP_STD));
    }

    private static int shortestEdge(Reader r, JsonNode size) {
        if (size == null || size.isNull()) {
            throw r.error("size", "is missing; expected {\"shortest_edge\": N} or an integer");
        }
        if (size.isInt()) {
            return size.asInt();
        }
        if (size.path("shortest_edge").isInt()) {
            return size.path("shortest_edge").asInt();
        }
        throw r.error("size", "must be {\"shortest_edge\": N} or an integer (height/width resizing is not CLIP's), found " + size);
    }

    private static int[] cropSize(Reader r, JsonNode crop, int edge) {
        if (crop == null || crop.isNull()) {
            return new int[] {edge, edge};
        }
        if (crop.isInt()) {
            return new int[] {crop.asInt(), crop.asInt()};
        }
        if (crop.path("height").isInt() && crop.path("width").isInt()) {
            return new int[] {crop.path("height").asInt(), crop.path("width").asInt()};
        }
        throw r.error("crop_size", "must be {\"height\": H, \"width\": W} or an integer, found " + crop);
    }

    private static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null,
                    "preprocessing config not found: pass the model directory that holds it");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Key access with errors that name the file and the key. */
    private record Reader(Path file, JsonNode root) {
        InvalidArgumentException error(String key, String problem) {
            return new InvalidArgumentException(key, problem + " (in " + file + ")");
        }

        void requireTrue(String key, String why) {
            if (!root.path(key).asBoolean(true)) {
                throw error(key, "must be true (" + why + "), found false");
            }
        }

        float[] triple(String key, float[] fallback) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return fallback.clone();
            }
            if (!node.isArray() || node.size() != 3) {
                throw error(key, "must be a list of 3 numbers (R, G, B), found " + node);
            }
            return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
        }

        PreprocessSpec build(int edge, int cropH, int cropW, double rescale, float[] mean, float[] std) {
            try {
                return new PreprocessSpec(edge, cropH, cropW, rescale, mean, std);
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("preprocessing", e.getMessage() + " (in " + file + ")");
            }
        }
    }
}
