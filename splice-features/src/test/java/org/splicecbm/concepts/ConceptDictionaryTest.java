package org.splicecbm.concepts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.Npy;
import org.splicecbm.store.Sha256;
import org.splicecbm.validation.InvalidArgumentException;

class ConceptDictionaryTest {
    @TempDir
    Path cache;

    private static Vocabulary vocab(String text) {
        return Vocabulary.parse(text.getBytes(StandardCharsets.UTF_8), "words", "words.txt", "memory", VocabularyRules.STRICT);
    }

    /**
     * Hand check: "a" = (3,4) → (0.6,0.8); "b" = (0,2) → (0,1); "c" = (5,0) → (1,0). Mean = (1.6/3, 1.8/3) =
     * (0.5333, 0.6). Centred: a (0.0667, 0.2), b (-0.5333, 0.4), c (0.4667, -0.6); each then normalised.
     */
    @Test
    void formulaNormalisesCentresOnItsOwnMeanAndNormalisesAgain() {
        WordBackbone backbone = new WordBackbone("test:words", Map.of(
                "a", new float[] {3, 4}, "b", new float[] {0, 2}, "c", new float[] {5, 0}, "unused", new float[] {1, 1}));
        ConceptDictionary dict = ConceptDictionaries.build(backbone, vocab("unused\na\nb\nc\n"), 3);
        assertEquals(List.of("a", "b", "c"), dict.concepts());
        assertEquals(List.of(List.of("a", "b", "c")), backbone.textCalls);
        assertRow(dict.vectors()[0], 0.0667 / 0.2108, 0.2 / 0.2108);
        assertRow(dict.vectors()[1], -0.5333 / 0.6667, 0.4 / 0.6667);
        assertRow(dict.vectors()[2], 0.4667 / 0.7601, -0.6 / 0.7601);
        DictionaryProvenance p = dict.provenance();
        assertEquals("test:words", p.backbone());
        assertEquals("words", p.vocabulary());
        assertEquals(3, p.size());
        assertEquals(2, p.embeddingDim());
        assertEquals(Sha256.ofMatrix(dict.vectors()), p.matrixSha256());
    }

    private static void assertRow(float[] row, double x, double y) {
        assertEquals(x, row[0], 1e-3);
        assertEquals(y, row[1], 1e-3);
    }

    @Test
    void largeDictionariesAreEncodedInBatches() {
        WordBackbone backbone = WordBackbone.hashing("test:hash", 8);
        String words = String.join("\n", Stream.iterate(0, i -> i + 1).limit(600).map(i -> "w" + i).toList());
        ConceptDictionary dict = ConceptDictionaries.build(backbone, vocab(words), 600);
        assertEquals(List.of(256, 256, 88), backbone.textCalls.stream().map(List::size).toList());
        for (float[] row : dict.vectors()) {
            double norm = 0;
            for (int j = 0; j < 8; j++) {
                norm += row[j] * row[j];
            }
            assertEquals(1.0, norm, 1e-5);
        }
    }

    @Test
    void secondLoadComesFromTheCacheWithoutEncoding() throws IOException {
        Vocabulary v = vocab("x\ny\nz\nw\n");
        WordBackbone first = WordBackbone.hashing("open_clip:ViT-B-32", 16);
        ConceptDictionary built = ConceptDictionaries.load(first, v, 3, cache);
        assertEquals(3, first.conceptsEmbedded());

        WordBackbone second = WordBackbone.hashing("open_clip:ViT-B-32", 16);
        ConceptDictionary cached = ConceptDictionaries.load(second, v, 3, cache);
        assertEquals(List.of(List.of(BackboneProbe.TEXT)), second.textCalls, "only the probe text may be embedded");
        assertEquals(built.concepts(), cached.concepts());
        assertArrayEquals(built.vectors(), cached.vectors());
        assertEquals(built.provenance(), cached.provenance());

        try (Stream<Path> entries = Files.list(cache)) {
            List<Path> dirs = entries.toList();
            assertEquals(1, dirs.size(), "leftover temporary folders: " + dirs);
            String name = dirs.get(0).getFileName().toString();
            assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
            assertTrue(name.startsWith("open_clip-ViT-B-32_words_k3-"), name);
            assertEquals(List.of("y", "z", "w"), Files.readAllLines(dirs.get(0).resolve("concepts.txt")));
            assertArrayEquals(built.vectors(), Npy.readFloatMatrix(dirs.get(0).resolve("dictionary.npy")));
            String meta = Files.readString(dirs.get(0).resolve("meta.json"));
            assertTrue(meta.contains("\"vocabulary_sha256\" : \"" + v.sha256() + "\""), meta);
        }
    }

    @Test
    void changedVocabularyContentIsEncodedAgain() {
        WordBackbone backbone = WordBackbone.hashing("clip:ViT-B/32", 16);
        ConceptDictionaries.load(backbone, vocab("x\ny\nz\n"), 2, cache);
        ConceptDictionary changed = ConceptDictionaries.load(backbone, vocab("x\ny\nq\n"), 2, cache);
        assertEquals(4, backbone.conceptsEmbedded());
        assertEquals(List.of("y", "q"), changed.concepts());
    }

    @Test
    void differentBackboneOrSizeIsEncodedAgain() {
        Vocabulary v = vocab("x\ny\nz\n");
        WordBackbone b32 = WordBackbone.hashing("clip:ViT-B/32", 16);
        WordBackbone b16 = WordBackbone.hashing("clip:ViT-B/16", 16);
        ConceptDictionary first = ConceptDictionaries.load(b32, v, 2, cache);
        ConceptDictionary other = ConceptDictionaries.load(b16, v, 2, cache);
        assertEquals(2, b16.conceptsEmbedded());
        assertFalse(java.util.Arrays.deepEquals(first.vectors(), other.vectors()));
        assertEquals("clip:ViT-B/16", other.provenance().backbone());
        ConceptDictionaries.load(b32, v, 3, cache);
        assertEquals(2 + 3, b32.conceptsEmbedded());
    }

    @Test
    void replacedWeightsUnderTheSameNameAreNoticed() {
        Vocabulary v = vocab("x\ny\nz\n");
        ConceptDictionary old = ConceptDictionaries.load(WordBackbone.hashing("/models/my-clip", 16, 1), v, 3, cache);
        WordBackbone replaced = WordBackbone.hashing("/models/my-clip", 16, 2);
        ConceptDictionary fresh = ConceptDictionaries.load(replaced, v, 3, cache);
        assertEquals(3, replaced.conceptsEmbedded());
        assertFalse(java.util.Arrays.deepEquals(old.vectors(), fresh.vectors()));
        WordBackbone same = WordBackbone.hashing("/models/my-clip", 16, 2);
        ConceptDictionaries.load(same, v, 3, cache);
        assertEquals(0, same.conceptsEmbedded());
    }

    @Test
    void staleMetadataOrCorruptMatrixIsNeverReused() throws IOException {
        Vocabulary v = vocab("x\ny\nz\n");
        WordBackbone backbone = WordBackbone.hashing("clip:RN50", 4);
        ConceptDictionaries.load(backbone, v, 3, cache);
        Path entry = new DictionaryCache(cache).entry("clip:RN50", "words", v.sha256(), 3);

        Path meta = entry.resolve("meta.json");
        Files.writeString(meta, Files.readString(meta).replace(v.sha256(), "0".repeat(64)));
        ConceptDictionaries.load(backbone, v, 3, cache);
        assertEquals(6, backbone.conceptsEmbedded());

        Npy.writeFloat32(entry.resolve("dictionary.npy"), new float[3][4], 4);
        ConceptDictionary rebuilt = ConceptDictionaries.load(backbone, v, 3, cache);
        assertEquals(9, backbone.conceptsEmbedded());
        assertEquals(rebuilt.provenance().matrixSha256(), Sha256.ofMatrix(Npy.readFloatMatrix(entry.resolve("dictionary.npy"))));
        assertNotEquals(0f, rebuilt.vectors()[0][0]);
    }

    @Test
    void sizeBeyondTheVocabularyFailsBeforeEncoding() {
        WordBackbone backbone = WordBackbone.hashing("clip:RN50", 4);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> ConceptDictionaries.load(backbone, vocab("x\ny\n"), 5, cache));
        assertEquals("concepts.size: must be ≤ 2 (lines in words.txt), found 5", e.getMessage());
        assertEquals(0, backbone.conceptsEmbedded());
    }

    @Test
    void aFailingBatchNamesItsConcepts() {
        WordBackbone partial = new WordBackbone("partial", Map.of("x", new float[] {1, 2}));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConceptDictionaries.build(partial, vocab("x\ny\n"), 2));
        assertTrue(e.getMessage().contains("could not embed concepts 1..2 of the dictionary (\"x\" ... \"y\"): no vector for y"),
                e.getMessage());
    }

    @Test
    void wrongEmbeddingWidthFromTheBackboneIsAnError() {
        WordBackbone liar = new WordBackbone("bad", Map.of("x", new float[] {1, 2}, "y", new float[] {1, 2, 3}));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConceptDictionaries.build(liar, vocab("x\ny\n"), 2));
        assertTrue(e.getMessage().contains("\"y\""), e.getMessage());
    }
}
