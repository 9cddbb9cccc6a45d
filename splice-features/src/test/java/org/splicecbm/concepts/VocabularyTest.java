package org.splicecbm.concepts;

import org.splicecbm.SharedFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.UrlFetcher;
import org.splicecbm.validation.InvalidArgumentException;

class VocabularyTest {
    @TempDir
    Path dir;

    private Vocabulary strict(String text) {
        return Vocabulary.parse(text.getBytes(StandardCharsets.UTF_8), "t", "t.txt", "memory", VocabularyRules.STRICT);
    }

    @Test
    void lastKTakesTheMostFrequentLinesInFileOrder() {
        Vocabulary v = strict("rare\nuncommon\ncommon\nthe\n");
        assertEquals(List.of("common", "the"), v.lastK(2));
        assertEquals(List.of("rare", "uncommon", "common", "the"), v.lastK(4));
    }

    @Test
    void trailingNewlineCrlfAndBomAreFine() {
        assertEquals(List.of("a", "b"), strict("a\nb").concepts());
        assertEquals(List.of("a", "b"), strict("\uFEFFa\r\nb\r\n").concepts());
    }

    @Test
    void blankLinesAreListedWithLineNumbers() {
        VocabularyException e = assertThrows(VocabularyException.class, () -> strict("a\n\nb\n  \nc\n"));
        assertTrue(e.getMessage().contains("t.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("blank lines 2, 4 (delete them"), e.getMessage());
    }

    @Test
    void duplicatesNameBothLines() {
        VocabularyException e = assertThrows(VocabularyException.class, () -> strict("cat\ndog\nbird\ncat\n"));
        assertTrue(e.getMessage().contains("line 4 repeats line 1 \"cat\""), e.getMessage());
    }

    @Test
    void malformedUtf8IsReportedPerLine() {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'f', 'i', 'n', 'e', '\n', (byte) 0xFF, '\n'};
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> Vocabulary.parse(bytes, "t", "t.txt", "memory", VocabularyRules.STRICT));
        assertTrue(e.getMessage().contains("malformed UTF-8 on lines 2, 4"), e.getMessage());
    }

    @Test
    void allProblemsAreReportedTogether() {
        byte[] bytes = "a\n\na\n\u00e9\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0x80;
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> Vocabulary.parse(bytes, "t", "t.txt", "memory", VocabularyRules.STRICT));
        assertTrue(e.getMessage().contains("malformed UTF-8 on line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("blank line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3 repeats line 1"), e.getMessage());
    }

    @Test
    void lenientRulesSkipBlanksAndKeepTheMoreFrequentDuplicate() {
        Vocabulary v = Vocabulary.parse("a\n\nb\na\nc\n".getBytes(StandardCharsets.UTF_8), "t", "t.txt", "m",
                new VocabularyRules(true, true));
        assertEquals(List.of("b", "a", "c"), v.concepts());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> v.lastK(4));
        assertEquals("concepts.size: must be ≤ 3 (concept lines in t.txt), found 4", e.getMessage());
    }

    @Test
    void controlCharactersInsideAConceptAreRejected() {
        VocabularyException e = assertThrows(VocabularyException.class, () -> strict("a\nhot\tdog\nb\rc\n"));
        assertTrue(e.getMessage().contains("control characters (tab, carriage return, ...) inside the concept on lines 2, 3"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        assertThrows(VocabularyException.class, () -> strict(""));
    }

    @Test
    void sizeOutOfRangeNamesTheKeyAndTheFile() {
        Vocabulary laion = Vocabulary.read(SharedFixtures.spliceData().resolve("vocab/laion.txt"), "laion", VocabularyRules.PUBLISHED);
        assertEquals(37445, laion.size());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> laion.lastK(50000));
        assertEquals("concepts.size: must be ≤ 37445 (lines in laion.txt), found 50000", e.getMessage());
        assertEquals("concepts.size", e.key());
        assertThrows(InvalidArgumentException.class, () -> laion.lastK(0));
        assertEquals(List.of("of", "-"), laion.lastK(2));
    }

    @Test
    void publishedMscocoDropsItsOneBlankLine() throws IOException {
        Path file = SharedFixtures.spliceData().resolve("vocab/mscoco.txt");
        Vocabulary v = Vocabulary.read(file, "mscoco", VocabularyRules.PUBLISHED);
        assertEquals(12832, v.size());
        assertFalse(v.concepts().contains(""));
        VocabularyException e = assertThrows(VocabularyException.class, () -> Vocabulary.read(file));
        assertTrue(e.getMessage().contains("blank line 12825"), e.getMessage());
    }

    @Test
    void fileDigestChangesWithContent() throws IOException {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "a\nb\n");
        Vocabulary one = Vocabulary.read(f);
        Files.writeString(f, "a\nc\n");
        Vocabulary two = Vocabulary.read(f);
        assertEquals("mine", one.name());
        assertEquals("mine.txt", one.fileName());
        assertEquals(64, one.sha256().length());
        assertFalse(one.sha256().equals(two.sha256()));
    }

    @Test
    void sourceResolvesPathsAndRejectsUnknownNames() throws IOException {
        Path f = dir.resolve("animals.txt");
        Files.writeString(f, "cat\ndog\n");
        VocabularySource source = new VocabularySource(new SpliceData(java.net.URI.create("http://127.0.0.1:9/"),
                SharedFixtures.spliceData(), dir.resolve("cache"), new UrlFetcher(true)));
        assertEquals(List.of("cat", "dog"), source.resolve(f.toString()).concepts());
        assertEquals(37445, source.resolve("laion").size());
        assertEquals(15000, source.resolve("laion_bigrams").size());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> source.resolve("laoin"));
        assertEquals("concepts.vocabulary", e.key());
        assertTrue(e.getMessage().contains("must be one of laion, laion_bigrams, mscoco or an existing vocabulary file, found laoin"),
                e.getMessage());
    }
}
