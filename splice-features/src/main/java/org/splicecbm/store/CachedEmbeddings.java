package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished embedding cache directory: {@code embeddings.npy} (N x d raw image embeddings, read
 * on demand by streaming), {@code labels.npy}, {@code items.txt}, {@code meta.json}.
 */
public record CachedEmbeddings(Path directory, EmbeddingCacheMeta meta, long[] labels, List<String> items) {

    /** Streams the embedding rows in file order. */
    public NpyMatrixReader openEmbeddings() throws IOException {
        return NpyMatrixReader.open(embeddingsFile());
    }

    public Path embeddingsFile() {
        return directory.resolve(EmbeddingCache.EMBEDDINGS);
    }
}
