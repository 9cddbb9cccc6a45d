package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;

/**
 * Everything that can be checked without embedding fails before any image is embedded (child JVMs, as a user runs
 * them): each bad setting gives its error and leaves no embedding cache folder behind, which any embedding work
 * would have created.
 */
class EarlyValidationEndToEndTest {
    @TempDir
    static Path dir;
    static FakeHubServer hub;
    static CliProcess splice;
    static Path images;
    static Path vocabulary;

    @BeforeAll
    static void world() throws IOException {
        hub = TinyWorld.hub(dir);
        splice = TinyWorld.cli(dir, hub);
        images = TinyWorld.images(dir.resolve("images"), 4);
        vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** Runs {@code args} on the tiny world's config with {@code edit} applied; asserts it failed before embedding. */
    static String failsBeforeEmbedding(String name, String from, String to, String... args) throws Exception {
        String yaml = TinyWorld.config("hf:" + TinyWorld.REPO, images, vocabulary, 0.1).replace("output: out", "output: " + name);
        assertTrue(yaml.contains(from), from);
        Path config = Files.writeString(dir.resolve(name + ".yaml"), yaml.replace(from, to));
        String[] command = new String[args.length + 2];
        System.arraycopy(args, 0, command, 0, args.length);
        command[args.length] = "--config";
        command[args.length + 1] = config.toString();
        CliProcess.Result r = splice.run(command);
        assertNotEquals(0, r.exitCode(), r.all());
        assertFalse(Files.exists(dir.resolve(name).resolve("embeddings")), "no embedding work was started: " + r.all());
        return r.stderr();
    }

    @Test
    void aVocabularySizeBeyondTheVocabularyFailsBeforeEmbedding() throws Exception {
        String err = failsBeforeEmbedding("size", "  size: " + TinyWorld.WORDS.size() + "\n", "  size: 5000\n", "features");
        assertTrue(err.contains("concepts.size") && err.contains("5000"), err);
    }

    @Test
    void anEmptyVocabularyFailsBeforeEmbedding() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty-words.txt"), "\n");
        String err = failsBeforeEmbedding("emptyvocab", "vocabulary: " + vocabulary, "vocabulary: " + empty, "features");
        assertTrue(err.contains("empty") || err.contains("no concepts") || err.contains("concepts.size"), err);
    }

    @Test
    void aPublishedMeanTheBackboneDoesNotHaveFailsBeforeEmbedding() throws Exception {
        String err = failsBeforeEmbedding("mean", "image_mean: dataset", "image_mean: published", "zeroshot");
        assertTrue(err.contains("concepts.image_mean") && err.contains("image_mean: dataset"), err);
    }

    @Test
    void aClassLabelWithoutImagesFailsBeforeEmbedding() throws Exception {
        String err = failsBeforeEmbedding("label", "output:", "output:", "decompose-data", "--class-label", "7");
        assertTrue(err.contains("--class-label must be a label with images in the test split, 0..2; found 7"), err);
    }

    @Test
    void anOutputThatIsAFileIsNamedUnderItsKey() throws Exception {
        Path file = Files.writeString(dir.resolve("output-file"), "not a folder");
        String err = failsBeforeEmbedding("outfile", "output: outfile", "output: output-file", "features");
        assertTrue(err.contains("output: must be a folder for the outputs, found " + file + ", which is a file"), err);
    }

    @Test
    void aSplitTheDatasetDoesNotHaveFailsBeforeEmbedding() throws Exception {
        String err = failsBeforeEmbedding("split", "  val: {from: train, fraction: 0.2, seed: 0}\n", "", "zeroshot", "--split", "val");
        assertTrue(err.contains("val"), err);
    }
}
