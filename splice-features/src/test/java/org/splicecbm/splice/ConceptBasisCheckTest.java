package org.splicecbm.splice;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.SpliceData;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.WordBackbone;

/** A dictionary, an image mean and a backbone that do not belong together are refused, naming both sides. */
class ConceptBasisCheckTest {
    @TempDir
    Path dir;

    @Test
    void aDictionaryOfAnotherBackboneIsRefused() throws IOException {
        WordBackbone a = WordBackbone.hashing("open_clip:ViT-B-32", 16);
        WordBackbone b = WordBackbone.hashing("clip:ViT-B/32", 16);
        ConceptDictionary ofA = ConceptDictionaries.build(a, words(), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splice.custom(b, mean(16, "dataset:x,1"), ofA, Splice.options()));
        assertTrue(e.getMessage().contains("open_clip:ViT-B-32") && e.getMessage().contains("clip:ViT-B/32"), e.getMessage());
    }

    @Test
    void thePublishedMeanOfAnotherBackboneIsRefusedAndItsOwnIsAccepted() throws IOException {
        ConceptDictionary openClip = ConceptDictionaries.build(WordBackbone.hashing("open_clip:ViT-B-32", 512), words(), 4);
        ImageMean clipMean = mean(512, "published:" + SpliceData.publishedSha256("means/clip_ViT-B-32_image.pt"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpliceAssembly.decomposer(openClip, clipMean, 0.25, 1e-7));
        assertTrue(e.getMessage().contains("published mean of clip:ViT-B/32") && e.getMessage().contains("open_clip:ViT-B-32"),
                e.getMessage());
        ImageMean ownMean = mean(512, "published:" + SpliceData.publishedSha256("means/open_clip_ViT-B-32_image.pt"));
        SpliceAssembly.decomposer(openClip, ownMean, 0.25, 1e-7).close();
    }

    @Test
    void aMeanOfAnotherWidthIsRefused() throws IOException {
        ConceptDictionary d = ConceptDictionaries.build(WordBackbone.hashing("/models/mine", 16), words(), 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpliceAssembly.decomposer(d, mean(24, "file:/tmp/m.npy"), 0.25, 1e-7));
        assertTrue(e.getMessage().contains("24 values") && e.getMessage().contains("width 16")
                && e.getMessage().contains("/models/mine"), e.getMessage());
    }

    @Test
    void noPublishedMeanIsAnErrorSayingWhichOptionToSet() {
        WordBackbone mine = WordBackbone.hashing("/models/mine", 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpliceAssembly.publishedMean(mine, SpliceData.fromEnvironment()));
        assertTrue(e.getMessage().contains("/models/mine") && e.getMessage().contains("optImageMean"), e.getMessage());
    }

    @Test
    void optionsSpeakTheBuildersLanguage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splice.options().optL1(0));
        assertTrue(e.getMessage().startsWith("optL1:"), e.getMessage());
        SpliceOptions base = Splice.options();
        assertEquals(0.15, base.optL1(0.15).l1());
        assertEquals(SpliceOptions.DEFAULT_L1, base.l1(), "optX leaves the options it was called on unchanged");
    }

    private Vocabulary words() throws IOException {
        return Vocabulary.read(Files.writeString(dir.resolve("words.txt"), "dog\ncat\ncar\ntree\nbird\n"));
    }

    private static ImageMean mean(int dim, String source) {
        float[] v = new float[dim];
        v[0] = 0.5f;
        return new ImageMean(v, source);
    }
}
