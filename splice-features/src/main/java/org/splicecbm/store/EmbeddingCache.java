package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Raw CLIP image embeddings cached on disk under {@code <root>/<key digest>/} in the layout of
 * ARCHITECTURE.md ({@code embeddings.npy}, {@code labels.npy}, {@code items.txt}, {@code meta.json}),
 * so that SpLiCE decompositions with another l1 or vocabulary never re-embed (or even decode) an image.
 *
 * <p>Building is resumable: {@link #resume} returns the {@link PartialEmbeddings} under
 * {@code <root>/<digest>.partial/}, whose chunks are committed one by one; after a crash
 * ({@code kill -9} included) the next run continues at the first missing chunk, and
 * {@link PartialEmbeddings#finish} assembles the final directory atomically.
 */
public final class EmbeddingCache {
    public static final String EMBEDDINGS = "embeddings.npy";
    public static final String LABELS = "labels.npy";
    public static final String ITEMS = "items.txt";
    public static final String META = "meta.json";
    /** What the cache was built from, one {@code <sample id>\t<stamp>} line per sample (e.g. size and mtime of its file). */
    public static final String SOURCES = "sources.tsv";

    private final Path root;
    private final EmbeddingCacheKey key;

    private EmbeddingCache(Path root, EmbeddingCacheKey key) {
        this.root = root.toAbsolutePath();
        this.key = key;
    }

    /** The cache entry for {@code key} under {@code root} (nothing is created yet). */
    public static EmbeddingCache at(Path root, EmbeddingCacheKey key) {
        return new EmbeddingCache(root, key);
    }

    public EmbeddingCacheKey key() {
        return key;
    }

    /** Where the finished cache lives. */
    public Path directory() {
        return root.resolve(key.digest());
    }

    /** True once a finished cache for this key exists. */
    public boolean isComplete() {
        return Files.isRegularFile(directory().resolve(META));
    }

    /** Reads the finished cache, checking that its parts agree and belong to this key. */
    public CachedEmbeddings read() throws IOException {
        Path dir = directory();
        EmbeddingCacheMeta meta = StoreJson.read(dir.resolve(META), EmbeddingCacheMeta.class);
        if (!key.equals(meta.key())) {
            throw new IOException(dir.resolve(META) + ": cache key " + meta.key() + " does not match " + key
                    + "; delete " + dir + " to rebuild");
        }
        long[] labels = Npy.readLongVector(dir.resolve(LABELS));
        List<String> items = FeatureSet.readLines(dir.resolve(ITEMS));
        long rows;
        try (NpyMatrixReader reader = NpyMatrixReader.open(dir.resolve(EMBEDDINGS))) {
            rows = reader.rows();
            if (reader.cols() != meta.embeddingDim()) {
                throw new IOException(dir.resolve(EMBEDDINGS) + ": has " + reader.cols() + " columns, meta.json says "
                        + meta.embeddingDim());
            }
        }
        if (rows != meta.rows() || labels.length != rows || items.size() != rows) {
            throw new IOException(dir + ": inconsistent cache: embeddings.npy has " + rows + " rows, labels.npy "
                    + labels.length + ", items.txt " + items.size() + ", meta.json " + meta.rows()
                    + "; delete the directory to rebuild");
        }
        return new CachedEmbeddings(dir, meta, labels, items);
    }

    /**
     * Locks the build of this cache against other processes (file {@code <digest>.lock} beside it), waiting up to
     * {@code timeout} for one that builds it now; check {@link #isComplete} again once locked.
     *
     * @param waiting receives one message when this run has to wait
     */
    public CacheBuildLock lockBuild(Duration timeout, Consumer<String> waiting) throws IOException, InterruptedException {
        return CacheBuildLock.acquire(root.resolve(key.digest() + ".lock"), directory(), timeout, waiting);
    }

    /**
     * Opens (or starts) the resumable build of this cache: {@code total} samples embedded in chunks of
     * {@code chunkSize} into {@code embeddingDim} columns. A leftover partial build with another plan is
     * discarded.
     */
    public PartialEmbeddings resume(int total, int chunkSize, int embeddingDim) throws IOException {
        return resume(total, chunkSize, embeddingDim, List.of());
    }

    /**
     * As {@link #resume(int, int, int)}, recording {@code sources} (what the embeddings are built from,
     * one line per sample) in the finished cache. A partial build from other sources (a file changed
     * between a crash and the resume) is discarded, so chunks of old and new images never mix.
     */
    public PartialEmbeddings resume(int total, int chunkSize, int embeddingDim, List<String> sources) throws IOException {
        return PartialEmbeddings.open(root.resolve(key.digest() + ".partial"), directory(),
                new PartialEmbeddings.Plan(key, total, chunkSize, embeddingDim, PartialEmbeddings.digest(sources)), sources);
    }
}
