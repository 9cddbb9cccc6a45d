package org.splicecbm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.splicecbm.testing.DrawnShapes;

/**
 * A small, complete world for end-to-end runs: the tiny CLIP fixture laid out as a hub repository, an
 * ImageFolder dataset of drawn images in three classes, and a vocabulary the fixture's tokenizer can encode.
 */
final class TinyWorld {
    static final String REPO = "test/tiny-clip";
    static final List<String> FIXTURE_FILES = List.of("config.json", "model.safetensors", "tokenizer.json", "preprocessor_config.json");
    static final List<String> WORDS = List.of("dog", "forest", "photo", "glasses", "car", "cat", "police", "land", "lazy",
            "back", "bird", "red", "deer", "eyewear", "fox", "frog", "horse", "hatchback", "jumps", "lorry", "over",
            "pumpkin", "quick", "street", "sunglasses", "truck", "red car", "lazy dog", "police car", "forest bird");

    private TinyWorld() {}

    /** A loopback hub serving the tiny CLIP fixture as {@link #REPO} (a copy laid out under {@code dir/repo}). */
    static org.splicecbm.hub.FakeHubServer hub(Path dir) throws IOException {
        return org.splicecbm.hub.FakeHubServer.start().serveRepo(REPO, model(dir.resolve("repo")));
    }

    /** {@code splice} in a child JVM pointed at {@code hub}, with its caches under {@code dir}. */
    static CliProcess cli(Path dir, org.splicecbm.hub.FakeHubServer hub) {
        return cli(dir, hub, java.util.Map.of());
    }

    /** As {@link #cli(Path, org.splicecbm.hub.FakeHubServer)} with further environment variables. */
    static CliProcess cli(Path dir, org.splicecbm.hub.FakeHubServer hub, java.util.Map<String, String> extraEnv) {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("HF_ENDPOINT", hub.endpoint(),
                "HF_HOME", dir.resolve("hf").toString(), "SPLICE_CACHE", dir.resolve("splice-cache").toString()));
        env.putAll(extraEnv);
        return new CliProcess(dir, env);
    }

    /** Copies the tiny CLIP fixture (from splice-features' test resources) into {@code dir}. */
    static Path model(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : FIXTURE_FILES) {
            try (InputStream in = TinyWorld.class.getResourceAsStream("/fixtures/clip/tiny-clip-quickgelu/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("fixture file missing from the test classpath: " + f);
                }
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    /** root/<class>/<n>.png: three classes of drawn shapes ({@link DrawnShapes}), deterministic. */
    static Path images(Path root, int perClass) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (int c = 0; c < DrawnShapes.CLASSES.size(); c++) {
            Path dir = Files.createDirectories(root.resolve(DrawnShapes.CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(DrawnShapes.draw(c, random), "png", dir.resolve(String.format("%03d.png", i)).toFile());
            }
        }
        return root;
    }

    static Path vocabulary(Path file) throws IOException {
        return Files.writeString(file, String.join("\n", WORDS) + "\n");
    }

    static String config(String backbone, Path images, Path vocabulary, double l1) {
        return """
                schema: 1
                name: tiny-e2e
                backbone: %s
                batch_size: 8
                dataset:
                  kind: imagefolder
                  root: %s
                  val: {from: train, fraction: 0.2, seed: 0}
                  test: {from: train, fraction: 0.25, seed: 1}
                concepts:
                  vocabulary: %s
                  size: %d
                  image_mean: dataset
                splice:
                  l1_penalty: %s
                probe:
                  l1: 1.0e-4
                  epochs: 30
                  batch_size: 16
                  learning_rate: 0.05
                tracking:
                  uri: mlruns
                output: out
                """.formatted(backbone, images, vocabulary, WORDS.size(), l1);
    }
}
