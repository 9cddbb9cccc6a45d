package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CPU user sees on stderr (child JVM, as a shell runs it): no library log lines unless --verbose. */
@Tag("heavy")
class QuietConsoleTest {
    @TempDir
    static Path dir;
    static CliProcess splice;
    static Path model;
    static Path texts;

    @BeforeAll
    static void world() throws Exception {
        splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString()));
        model = TinyWorld.model(dir.resolve("model"));
        texts = Files.writeString(dir.resolve("texts.txt"), "a photo of a cat\ndog\n");
    }

    @Test
    void aCommandOnTheCpuPrintsNoLibraryLogLines() throws Exception {
        CliProcess.Result r = splice.run("embed", "--backbone", model.toString(), "--device", "auto", "--texts", texts.toString(), "--out", "q.npy");
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(r.stderr().contains("Failed to detect GPU count"), r.stderr());
        assertFalse(r.stderr().contains(" INFO ai.djl"), r.stderr());
        assertFalse(r.stderr().contains(" INFO org.nd4j"), r.stderr());
    }

    @Test
    void verboseShowsThem() throws Exception {
        CliProcess.Result r = splice.run("embed", "--verbose", "--backbone", model.toString(), "--device", "auto", "--texts", texts.toString(), "--out", "v.npy");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.stderr().contains(" INFO ai.djl"), "DJL's engine lines with --verbose:\n" + r.stderr());
    }
}
