package org.splicecbm.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a Hugging Face CLIP model directory whose image tower has the true ViT-B/32 shape (width 768,
 * 12 layers, 12 heads, patch 32, 224 px, projection 512) with random weights, loadable by
 * {@code HfClipBackbone.load}. The text tower is the tiny fixture's (its size does not affect image
 * throughput) so the tiny tokenizer can be reused. No download: benchmarks only.
 */
final class RandomVitB32Model {
    private static final int H = 768;
    private static final int MLP = 3072;
    private static final int LAYERS = 12;
    private static final int PATCH = 32;
    private static final int TOKENS = (224 / PATCH) * (224 / PATCH) + 1;
    private static final int TEXT = 32;
    private static final int TEXT_MLP = 64;
    private static final int PROJECTION = 512;

    private RandomVitB32Model() {}

    /** Writes the model into {@code dir} (created) and returns it. */
    static Path write(Path dir, long seed) throws IOException, URISyntaxException {
        Files.createDirectories(dir);
        Path tiny = Path.of(RandomVitB32Model.class.getResource("/fixtures/clip/tiny-clip-quickgelu").toURI());
        Files.copy(tiny.resolve("tokenizer.json"), dir.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String config = Files.readString(tiny.resolve("config.json"))
                .replace("\"projection_dim\": 24", "\"projection_dim\": " + PROJECTION)
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"hidden_size\": 48", "$1\"hidden_size\": " + H)
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"image_size\": 32", "$1\"image_size\": 224")
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"intermediate_size\": 96", "$1\"intermediate_size\": " + MLP)
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"num_attention_heads\": 4", "$1\"num_attention_heads\": 12")
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"num_hidden_layers\": 2", "$1\"num_hidden_layers\": " + LAYERS)
                .replaceFirst("(\"vision_config\": \\{[\\s\\S]*?)\"patch_size\": 8", "$1\"patch_size\": " + PATCH);
        Files.writeString(dir.resolve("config.json"), config);
        Files.writeString(dir.resolve("preprocessor_config.json"), Files.readString(tiny.resolve("preprocessor_config.json"))
                .replace("\"height\": 32", "\"height\": 224").replace("\"width\": 32", "\"width\": 224")
                .replace("\"shortest_edge\": 32", "\"shortest_edge\": 224"));
        writeSafetensors(dir.resolve("model.safetensors"), tensors(), new SplittableRandom(seed));
        return dir;
    }

    private static Map<String, long[]> tensors() {
        Map<String, long[]> t = new LinkedHashMap<>();
        t.put("logit_scale", new long[0]);
        tower(t, "vision_model", H, MLP, LAYERS);
        t.put("vision_model.embeddings.class_embedding", new long[] {H});
        t.put("vision_model.embeddings.patch_embedding.weight", new long[] {H, 3, PATCH, PATCH});
        t.put("vision_model.embeddings.position_embedding.weight", new long[] {TOKENS, H});
        t.put("vision_model.pre_layrnorm.weight", new long[] {H});
        t.put("vision_model.pre_layrnorm.bias", new long[] {H});
        t.put("vision_model.post_layernorm.weight", new long[] {H});
        t.put("vision_model.post_layernorm.bias", new long[] {H});
        t.put("visual_projection.weight", new long[] {PROJECTION, H});
        tower(t, "text_model", TEXT, TEXT_MLP, 2);
        t.put("text_model.embeddings.position_embedding.weight", new long[] {16, TEXT});
        t.put("text_model.embeddings.token_embedding.weight", new long[] {402, TEXT});
        t.put("text_model.final_layer_norm.weight", new long[] {TEXT});
        t.put("text_model.final_layer_norm.bias", new long[] {TEXT});
        t.put("text_projection.weight", new long[] {PROJECTION, TEXT});
        return t;
    }

    private static void tower(Map<String, long[]> t, String prefix, int width, int mlp, int layers) {
        for (int l = 0; l < layers; l++) {
            String p = prefix + ".encoder.layers." + l + ".";
            for (String norm : new String[] {"layer_norm1", "layer_norm2"}) {
                t.put(p + norm + ".weight", new long[] {width});
                t.put(p + norm + ".bias", new long[] {width});
            }
            for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
                t.put(p + "self_attn." + proj + ".weight", new long[] {width, width});
                t.put(p + "self_attn." + proj + ".bias", new long[] {width});
            }
            t.put(p + "mlp.fc1.weight", new long[] {mlp, width});
            t.put(p + "mlp.fc1.bias", new long[] {mlp});
            t.put(p + "mlp.fc2.weight", new long[] {width, mlp});
            t.put(p + "mlp.fc2.bias", new long[] {width});
        }
    }

    private static void writeSafetensors(Path file, Map<String, long[]> tensors, SplittableRandom random) throws IOException {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Map.Entry<String, long[]> e : tensors.entrySet()) {
            long bytes = 4 * count(e.getValue());
            header.append(",\"").append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":")
                    .append(java.util.Arrays.toString(e.getValue()).replace(" ", "")).append(",\"data_offsets\":[")
                    .append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        while ((header.length() + 8) % 8 != 0) {
            header.append(' ');
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).flip();
            ch.write(len);
            ch.write(ByteBuffer.wrap(h));
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                writeTensor(ch, e.getKey(), count(e.getValue()), random);
            }
        }
    }

    /** LayerNorm scales 1, biases 0, logit scale ln(100), everything else N(0, 0.02). */
    private static void writeTensor(FileChannel ch, String name, long n, SplittableRandom random) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) (4 * n)).order(ByteOrder.LITTLE_ENDIAN);
        boolean norm = name.contains("norm") || name.contains("layrnorm");
        for (long i = 0; i < n; i++) {
            float v;
            if (name.equals("logit_scale")) {
                v = 4.6052f;
            } else if (name.endsWith(".bias")) {
                v = 0f;
            } else if (norm) {
                v = 1f;
            } else {
                v = (float) (0.02 * gaussian(random));
            }
            buf.putFloat(v);
        }
        buf.flip();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
