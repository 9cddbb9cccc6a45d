package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code splice zeroshot} as a user runs it, in its own JVM, on the tiny world (tiny CLIP from a model folder). */
@Tag("heavy")
class ZeroShotCommandTest {
    @TempDir
    static Path dir;
    static CliProcess splice;
    static Path config;

    @BeforeAll
    static void world() throws IOException {
        Path model = TinyWorld.model(dir.resolve("model"));
        splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString(),
                "SPLICE_CACHE", dir.resolve("splice-cache").toString()));
        Path images = TinyWorld.images(dir.resolve("images"), 16);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        config = Files.writeString(dir.resolve("run.yaml"), TinyWorld.config(model.toString(), images, vocabulary, 0.1));
    }

    @Test
    void printsWritesAndPlotsDenseAndOneRowPerPenalty() throws Exception {
        CliProcess.Result r = splice.run("zeroshot", "--config", config.toString(), "--l1", "0.05,0.3");
        assertEquals(0, r.exitCode(), r.all());
        System.out.print(r.stdout());
        assertTrue(r.stdout().contains("Zero-shot classification of") && r.stdout().contains("\"A photo of a {}\""), r.stdout());
        List<String> csv = Files.readAllLines(dir.resolve("out/zeroshot/test.csv"));
        assertEquals(4, csv.size(), "header, dense, two penalties: " + csv);
        assertEquals("setting,l1,mean_l0,mean_cosine,zero_shot_accuracy,images", csv.get(0));
        String[] dense = csv.get(1).split(",", -1);
        String[] low = csv.get(2).split(",", -1);
        String[] high = csv.get(3).split(",", -1);
        assertEquals("dense", dense[0]);
        assertEquals("0.05", low[1]);
        assertEquals("0.3", high[1]);
        assertEquals(dense[5], low[5], "every penalty classifies the same images");
        assertTrue(Integer.parseInt(dense[5]) > 0, csv.get(1));
        assertTrue(Double.parseDouble(low[2]) > Double.parseDouble(high[2]), "mean L0 falls as l1 grows: " + csv);
        for (String[] row : List.of(dense, low, high)) {
            double accuracy = Double.parseDouble(row[4]);
            assertTrue(accuracy >= 0 && accuracy <= 1, String.join(",", row));
        }
        assertTrue(r.stdout().contains(String.format(java.util.Locale.ROOT, "%.4f", Double.parseDouble(dense[4]))),
                "the printed table shows the dense accuracy: " + r.stdout());
        assertTrue(Files.size(dir.resolve("out/zeroshot/test.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("out/zeroshot/test.svg")).contains("dense CLIP"), "reference line labelled");
    }

    @Test
    void aTemplateWithoutASlotIsAClearError() throws Exception {
        CliProcess.Result r = splice.run("zeroshot", "--config", config.toString(), "--template", "a photo");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("error: the prompt template must contain '{}'"), r.stderr());
    }

    @Test
    void aNonPositivePenaltyIsAClearErrorBeforeAnyWork() throws Exception {
        CliProcess.Result r = splice.run("zeroshot", "--config", config.toString(), "--l1", "0.1,-1");
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.stderr().contains("error: every l1 penalty must be a finite number > 0, found -1.0"), r.stderr());
    }
}
