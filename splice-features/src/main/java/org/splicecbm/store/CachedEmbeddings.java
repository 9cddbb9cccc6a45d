package org.splicecbm.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A finished embedding cache directory: {@code embeddings.npy} (N x d raw image embeddings, read
 * on demand by streaming), {@code labels.npy}, {@code items.txt}, {@code meta.json}.
 */
public record CachedEmbeddings(Path directory, EmbeddingCacheMeta meta, long[] labels, List<String> items) {

    /** Streams the embedding rows in file order. */
    public NpyMatrixReader openEmbeddings() throws IOException {
        return NpyMatrixReader.open(embeddingsFile());
    }

    /** What the cache was built from ({@link EmbeddingCache#SOURCES}); empty for a cache that did not record it. */
    public List<String> sources() throws IOException {
        Path file = directory.resolve(EmbeddingCache.SOURCES);
        return Files.exists(file) ? FeatureSet.readLines(file) : List.of();
    }

    public Path embeddingsFile() {
        return directory.resolve(EmbeddingCache.EMBEDDINGS);
    }

    /**
     * The embeddings as batches of at most {@code rows} rows, read lazily (one batch in memory); each
     * iteration reopens the file. Read errors surface as {@link UncheckedIOException} naming the file.
     */
    public Iterable<float[][]> rowBatches(int rows) {
        return () -> new Iterator<>() {
            private NpyMatrixReader reader;
            private float[][] next;

            @Override
            public boolean hasNext() {
                try {
                    if (reader == null) {
                        reader = openEmbeddings();
                    }
                    if (next == null) {
                        next = reader.next(rows);
                        if (next.length == 0) {
                            reader.close();
                        }
                    }
                    return next.length > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(embeddingsFile() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public float[][] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                float[][] out = next;
                next = null;
                return out;
            }
        };
    }
}
