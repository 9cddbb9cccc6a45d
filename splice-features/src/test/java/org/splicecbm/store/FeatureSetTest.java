package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetTest {
    @TempDir Path dir;

    static FeatureSet sample(long rows) {
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "tiny", "laion", 4, 0.25, "admm",
                1e-6, "published", "unit", "train", rows, 1.33, 0.9, "2026-11-26T00:00:00Z", "abc", "0123",
                List.of(new SkippedImage("x", "/data/x.png", "broken")));
        return new FeatureSet(CsrNpzTest.sample(), new long[] {0, 1, 1}, List.of("a", "b c", "d", "e"), meta);
    }

    @Test
    void roundTripsAllFourFiles() throws IOException {
        Path target = dir.resolve("fs");
        sample(3).write(target);
        FeatureSet back = FeatureSet.read(target);
        assertEquals(sample(3).meta(), back.meta());
        assertEquals(List.of("a", "b c", "d", "e"), back.concepts());
        assertArrayEquals(new long[] {0, 1, 1}, back.labels());
        assertArrayEquals(CsrNpzTest.sample().data(), back.features().data());
        String json = Files.readString(target.resolve("meta.json"));
        assertTrue(json.contains("\"l1_penalty\" : 0.25") && json.contains("\"skipped_images\""), json);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary siblings left");
        }
    }

    @Test
    void classNamesTravelWithTheFeatureSet() throws IOException {
        FeatureSet plain = sample(3);
        FeatureSetMeta m = plain.meta();
        FeatureSetMeta named = new FeatureSetMeta(m.formatVersion(), m.backbone(), m.vocabulary(), m.vocabularySize(),
                m.l1Penalty(), m.solver(), m.tolerance(), m.imageMeanSource(), m.dataset(), m.split(), m.rows(), m.meanL0(),
                m.meanCosine(), m.createdAt(), m.dictionarySha256(), m.embeddingCacheKey(), m.skippedImages(), List.of("cat", "dog"));
        Path target = dir.resolve("named");
        new FeatureSet(plain.features(), plain.labels(), plain.concepts(), named).write(target);
        assertEquals("cat\ndog\n", Files.readString(target.resolve(FeatureSet.CLASSES)));
        assertTrue(Files.readString(target.resolve("meta.json")).contains("\"classes\" : [ \"cat\", \"dog\" ]"));
        assertEquals(List.of("cat", "dog"), FeatureSet.read(target).meta().classes());

        Files.writeString(target.resolve(FeatureSet.CLASSES), "cat\nbird\n");
        IOException e = assertThrows(IOException.class, () -> FeatureSet.read(target));
        assertTrue(e.getMessage().contains("classes.txt"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet(plain.features(), new long[] {0, 1, 2}, plain.concepts(), named),
                "label 2 has no class name");
    }

    @Test
    void featureSetsWrittenBeforeClassNamesStillRead() throws IOException {
        Path target = dir.resolve("old");
        sample(3).write(target);
        assertFalse(Files.exists(target.resolve(FeatureSet.CLASSES)));
        String json = Files.readString(target.resolve("meta.json")).replaceAll(",\\s*\"classes\" : \\[ \\]", "");
        assertFalse(json.contains("classes"), json);
        Files.writeString(target.resolve("meta.json"), json);
        assertEquals(List.of(), FeatureSet.read(target).meta().classes());
    }

    @Test
    void failureMidWriteLeavesNoDirectoryAndKeepsTheOldOne() throws IOException {
        Path target = dir.resolve("fs");
        assertThrows(IOException.class, () -> AtomicDirectory.write(target, tmp -> {
            Files.writeString(tmp.resolve("features.npz"), "half");
            throw new IOException("disk full");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no target and no temporary directory");
        }
        sample(3).write(target);
        assertThrows(IOException.class, () -> AtomicDirectory.write(target, tmp -> {
            throw new IOException("disk full");
        }));
        assertEquals(3, FeatureSet.read(target).features().rows(), "previous feature set intact");
        sample(3).write(target);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "overwrite leaves no old copy behind");
        }
    }

    @Test
    void readRejectsInconsistentPartsNamingTheFile() throws IOException {
        Path target = dir.resolve("fs");
        sample(3).write(target);
        Npy.writeInt32(target.resolve("labels.npy"), new int[] {0, 1, 1});
        IOException e = assertThrows(IOException.class, () -> FeatureSet.read(target));
        assertTrue(e.getMessage().contains("labels.npy") && e.getMessage().contains("int64"), e.getMessage());
        Npy.writeInt64(target.resolve("labels.npy"), new long[] {0, 1, 1});
        AtomicFiles.writeString(target.resolve("concepts.txt"), "a\nb\n");
        e = assertThrows(IOException.class, () -> FeatureSet.read(target));
        assertTrue(e.getMessage().contains("concepts.txt") && e.getMessage().contains("2 concept names"), e.getMessage());
    }

    @Test
    void csrBuilderStacksBlocks() {
        CsrBuilder b = new CsrBuilder(4);
        b.append(CsrNpzTest.sample());
        b.append(CsrNpzTest.sample());
        CsrMatrix m = b.build();
        assertEquals(6, m.rows());
        assertEquals(8, m.nnz());
        for (int r = 0; r < 6; r++) {
            assertArrayEquals(CsrNpzTest.sample().denseRow(r % 3), m.denseRow(r));
        }
    }
}
