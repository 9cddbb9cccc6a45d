package org.splicecbm.store;

import java.util.List;

/**
 * {@code meta.json} of a finished embedding cache.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param key           what the embeddings depend on
 * @param digest        {@link EmbeddingCacheKey#digest()} (the directory name)
 * @param embeddingDim  columns of {@code embeddings.npy}
 * @param rows          rows (images embedded; skipped ones excluded)
 * @param skippedImages images that could not be decoded and were skipped
 * @param createdAt     ISO-8601 instant
 */
public record EmbeddingCacheMeta(int formatVersion, EmbeddingCacheKey key, String digest, int embeddingDim,
                                 long rows, List<SkippedImage> skippedImages, String createdAt) {
    public static final int FORMAT_VERSION = 1;

    public EmbeddingCacheMeta {
        skippedImages = skippedImages == null ? List.of() : List.copyOf(skippedImages);
    }
}
