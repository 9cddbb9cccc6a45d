package org.splicecbm.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The golden inputs and transformers outputs stored next to a test fixture CLIP model. */
public record ClipGolden(Path dir, List<String> texts, long[][] inputIds, long[][] attentionMask,
                         float[][] pixelValues, float[][] imageEmbeds, float[][] textEmbeds, List<String> images) {

    /** Reads {@code /fixtures/clip/<name>/golden.json} from the test classpath. */
    public static ClipGolden load(String fixture) throws IOException, URISyntaxException {
        Path dir = Paths.get(ClipGolden.class.getResource("/fixtures/clip/" + fixture + "/golden.json").toURI())
                .getParent();
        JsonNode g = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        List<String> texts = new ArrayList<>();
        g.get("texts").forEach(t -> texts.add(t.asText()));
        List<String> images = new ArrayList<>();
        g.get("images").forEach(t -> images.add(t.asText()));
        JsonNode shape = g.get("pixel_values_shape");
        int rows = shape.get(0).asInt();
        int perImage = shape.get(1).asInt() * shape.get(2).asInt() * shape.get(3).asInt();
        float[][] pixels = new float[rows][perImage];
        JsonNode flat = g.get("pixel_values");
        for (int i = 0; i < rows * perImage; i++) {
            pixels[i / perImage][i % perImage] = (float) flat.get(i).asDouble();
        }
        return new ClipGolden(dir, texts, longs(g.get("input_ids")), longs(g.get("attention_mask")), pixels,
                floats(g.get("image_embeds")), floats(g.get("text_embeds")), images);
    }

    private static long[][] longs(JsonNode rows) {
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new long[rows.get(r).size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = rows.get(r).get(c).asLong();
            }
        }
        return out;
    }

    private static float[][] floats(JsonNode rows) {
        float[][] out = new float[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new float[rows.get(r).size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = (float) rows.get(r).get(c).asDouble();
            }
        }
        return out;
    }

    /** max |actual - expected| / max |expected| over all entries. */
    public static double relativeError(float[][] actual, float[][] expected) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int r = 0; r < expected.length; r++) {
            if (actual[r].length != expected[r].length) {
                throw new AssertionError("row " + r + " has " + actual[r].length + " values, expected "
                        + expected[r].length);
            }
            for (int c = 0; c < expected[r].length; c++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[r][c] - expected[r][c]));
                maxRef = Math.max(maxRef, Math.abs(expected[r][c]));
            }
        }
        return maxDiff / maxRef;
    }
}
