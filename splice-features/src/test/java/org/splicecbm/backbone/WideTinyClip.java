package org.splicecbm.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.splicecbm.backbone.weights.SafetensorsWriter;

/**
 * The tiny CLIP fixture ({@code tiny-clip-quickgelu}) with its two projections widened to {@code dim} outputs
 * (seeded random weights), so that it embeds into the width of a real backbone: served under a real backbone's
 * name, SpLiCE's published image mean for that backbone (512 wide for ViT-B/32) fits its embeddings.
 */
public final class WideTinyClip {
    private static final String FIXTURE = "/fixtures/clip/tiny-clip-quickgelu/";

    private WideTinyClip() {}

    /** Writes config.json, model.safetensors, tokenizer.json and preprocessor_config.json into {@code dir}. */
    public static Path write(Path dir, int dim, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("tokenizer.json"), anyText(resource("tokenizer.json")));
        Files.write(dir.resolve("preprocessor_config.json"), resource("preprocessor_config.json"));
        String config = new String(resource("config.json"), StandardCharsets.UTF_8).replace("\"projection_dim\": 24", "\"projection_dim\": " + dim);
        Files.writeString(dir.resolve("config.json"), config);
        widen(resource("model.safetensors"), dim, new SplittableRandom(seed)).write(dir.resolve("model.safetensors"));
        return dir;
    }

    /**
     * The tiny BPE vocabulary (400 pieces) lacks most word-final pieces and its unk token is no vocabulary entry,
     * so real vocabularies (laion) fail to encode; without an unk token the unknown pieces are dropped instead.
     */
    private static byte[] anyText(byte[] tokenizer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(tokenizer);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("model")).putNull("unk_token");
        return json.writeValueAsBytes(root);
    }

    private static SafetensorsWriter widen(byte[] file, int dim, SplittableRandom random) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buf.getLong(0);
        JsonNode header = new ObjectMapper().readTree(new String(file, 8, headerLength, StandardCharsets.UTF_8));
        SafetensorsWriter out = new SafetensorsWriter();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            long[] shape = new long[e.getValue().get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = e.getValue().get("shape").get(i).asLong();
            }
            if (e.getKey().endsWith("_projection.weight")) {
                out.f32(e.getKey(), gaussian(dim * (int) shape[1], 1 / Math.sqrt(shape[1]), random), dim, shape[1]);
            } else {
                int start = 8 + headerLength + e.getValue().get("data_offsets").get(0).asInt();
                int end = 8 + headerLength + e.getValue().get("data_offsets").get(1).asInt();
                out.raw(e.getKey(), e.getValue().get("dtype").asText(), Arrays.copyOfRange(file, start, end), shape);
            }
        }
        return out;
    }

    private static float[] gaussian(int n, double scale, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            v[i] = (float) (scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return v;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WideTinyClip.class.getResourceAsStream(FIXTURE + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture file missing from the test classpath: " + FIXTURE + name);
            }
            return in.readAllBytes();
        }
    }
}
