package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    @TempDir Path root;
    static final EmbeddingCacheKey KEY = new EmbeddingCacheKey("tiny", "fp", "train", "clip224");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void resumesCommittedChunksAndFinishesToTheArchitectureLayout() throws IOException {
        EmbeddingCache cache = EmbeddingCache.at(root, KEY);
        assertFalse(cache.isComplete());
        PartialEmbeddings partial = cache.resume(5, 2, 3);
        partial.writeChunk(new PartialEmbeddings.Chunk(0, List.of("a", "b"), new long[] {0, 1}, List.of()),
                new float[][] {{1, 2, 3}, {4, 5, 6}});
        // a new process resumes: chunk 0 is done, 1 and 2 are not
        PartialEmbeddings again = EmbeddingCache.at(root, KEY).resume(5, 2, 3);
        assertEquals("{0}", again.completedChunks().toString());
        again.writeChunk(new PartialEmbeddings.Chunk(1, List.of("c"), new long[] {1},
                List.of(new SkippedImage("d", "/d.png", "bad"))), new float[][] {{7, 8, 9}});
        assertThrows(IOException.class, () -> again.finish(CLOCK), "chunk 2 missing");
        again.writeChunk(new PartialEmbeddings.Chunk(2, List.of("e"), new long[] {0}, List.of()), new float[][] {{0, 0, 1}});
        CachedEmbeddings done = again.finish(CLOCK);
        assertTrue(cache.isComplete());
        assertEquals(List.of("a", "b", "c", "e"), done.items());
        assertArrayEquals(new long[] {0, 1, 1, 0}, done.labels());
        assertEquals(List.of(new SkippedImage("d", "/d.png", "bad")), done.meta().skippedImages());
        assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {0, 0, 1}},
                Npy.readFloatMatrix(done.embeddingsFile()));
        assertFalse(Files.exists(root.resolve(KEY.digest() + ".partial")), "partial build removed");
        assertEquals(done.meta(), cache.read().meta());
    }

    @Test
    void aPartialBuildWithAnotherPlanIsDiscarded() throws IOException {
        PartialEmbeddings p = EmbeddingCache.at(root, KEY).resume(4, 2, 1);
        p.writeChunk(new PartialEmbeddings.Chunk(0, List.of("a", "b"), new long[] {0, 0}, List.of()), new float[][] {{1}, {2}});
        assertEquals(1, p.completedChunks().cardinality());
        assertEquals(0, EmbeddingCache.at(root, KEY).resume(4, 3, 1).completedChunks().cardinality());
    }

    @Test
    void keyDigestChangesWithEveryPart() {
        assertNotEquals(KEY.digest(), new EmbeddingCacheKey("tiny", "fp", "test", "clip224").digest());
        assertNotEquals(KEY.digest(), new EmbeddingCacheKey("tiny", "fp2", "train", "clip224").digest());
        assertEquals(KEY.digest(), new EmbeddingCacheKey("tiny", "fp", "train", "clip224").digest());
    }
}
