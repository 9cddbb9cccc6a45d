package org.splicecbm.backbone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.weights.SafetensorsException;
import org.splicecbm.backbone.weights.SafetensorsFile;
import org.splicecbm.backbone.weights.SafetensorsWriter;
import org.splicecbm.backbone.weights.TensorInfo;
import org.splicecbm.engine.DeviceChoice;

/** Broken model directories fail with messages that name the file and what was expected. */
class HfClipBackboneErrorsTest {
    private static final String[] FILES = {"config.json", "model.safetensors", "tokenizer.json", "preprocessor_config.json"};

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixture() throws Exception {
        Path source = ClipGolden.load("tiny-clip-quickgelu").dir();
        for (String f : FILES) {
            Files.copy(source.resolve(f), dir.resolve(f));
        }
    }

    private static <T extends Throwable> void fails(Class<T> type, Executable load, String... fragments) {
        T e = assertThrows(type, load);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message lacks '" + fragment + "': " + e.getMessage());
        }
    }

    private Executable load() {
        return () -> HfClipBackbone.load(dir, new BackboneOptions(DeviceChoice.CPU, 0, 4)).close();
    }

    private void editConfig(String from, String to) throws IOException {
        Path config = dir.resolve("config.json");
        String text = Files.readString(config);
        assertTrue(text.contains(from), "fixture config lacks " + from);
        Files.writeString(config, text.replace(from, to));
    }

    @Test
    void missingDirectoryAndFiles() throws IOException {
        fails(ClipModelException.class, () -> HfClipBackbone.load(dir.resolve("absent"), BackboneOptions.defaults()),
                "absent");
        Files.delete(dir.resolve("model.safetensors"));
        fails(ClipModelException.class, load(), "model.safetensors");
        Files.delete(dir.resolve("config.json"));
        fails(ClipModelException.class, load(), "config.json");
    }

    @Test
    void missingTokenizer() throws IOException {
        Files.delete(dir.resolve("tokenizer.json"));
        fails(ClipModelException.class, load(), "tokenizer.json");
    }

    @Test
    void nonClipDirectory() throws IOException {
        editConfig("\"model_type\": \"clip\"", "\"model_type\": \"bert\"");
        fails(ClipModelException.class, load(), "config.json", "model_type must be \"clip\"", "bert");
    }

    @Test
    void unknownArchitecture() throws IOException {
        editConfig("\"CLIPModel\"", "\"SiglipModel\"");
        fails(ClipModelException.class, load(), "config.json", "CLIPModel", "SiglipModel");
    }

    @Test
    void unknownActivation() throws IOException {
        editConfig("\"hidden_act\": \"quick_gelu\"", "\"hidden_act\": \"relu\"");
        fails(ClipModelException.class, load(), "config.json", "hidden_act", "relu");
    }

    @Test
    void configThatDoesNotMatchWeights() throws IOException {
        editConfig("\"projection_dim\": 24", "\"projection_dim\": 16");
        fails(SafetensorsException.class, load(), "visual_projection.weight", "[16, 48]", "[24, 48]");
    }

    @Test
    void tensorWithWrongShape() throws IOException {
        rewriteWeights("visual_projection.weight", "F32", 48, 24);
        fails(SafetensorsException.class, load(), "model.safetensors", "visual_projection.weight", "[24, 48]", "[48, 24]");
    }

    @Test
    void tensorWithIntegerDtype() throws IOException {
        rewriteWeights("visual_projection.weight", "I64", 24, 48);
        fails(SafetensorsException.class, load(), "visual_projection.weight", "floating", "I64");
    }

    @Test
    void truncatedWeights() throws IOException {
        Path weights = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        fails(SafetensorsException.class, load(), "model.safetensors", "truncated");
    }

    /** Rewrites the fixture weights with one tensor replaced by raw bytes of another dtype or shape. */
    private void rewriteWeights(String broken, String dtype, long... shape) throws IOException {
        Path weights = dir.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        try (SafetensorsFile file = SafetensorsFile.open(weights)) {
            for (String name : file.names()) {
                TensorInfo info = file.info(name);
                if (name.equals(broken)) {
                    long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                    writer.raw(name, dtype, new byte[(int) (count * (dtype.equals("I64") ? 8 : 4))], shape);
                } else {
                    writer.f32(name, file.readFloats(name), info.shape());
                }
            }
        }
        writer.write(weights);
    }
}
