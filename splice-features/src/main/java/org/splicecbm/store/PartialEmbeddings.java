package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An embedding cache under construction: chunk {@code i} holds samples
 * {@code [i*chunkSize, min((i+1)*chunkSize, total))}, stored as {@code chunks/NNNNNN.npy} (the
 * embeddings) and then {@code chunks/NNNNNN.json} (ids, labels, skipped images). Both are written
 * atomically and the JSON is written last, so a chunk exists exactly when its JSON does: killing the
 * process at any instant loses at most the chunk in flight.
 */
public final class PartialEmbeddings {
    /** The layout a partial build was started with; a mismatch means the partial build is stale. */
    public record Plan(EmbeddingCacheKey key, int total, int chunkSize, int embeddingDim, String sourcesDigest) {
        public int chunkCount() {
            return (total + chunkSize - 1) / chunkSize;
        }
    }

    /** Sidecar of one committed chunk. */
    public record Chunk(int index, List<String> ids, long[] labels, List<SkippedImage> skipped) {}

    private final Path dir;
    private final Path finalDir;
    private final Plan plan;
    private final List<String> sources;

    private PartialEmbeddings(Path dir, Path finalDir, Plan plan, List<String> sources) {
        this.dir = dir;
        this.finalDir = finalDir;
        this.plan = plan;
        this.sources = List.copyOf(sources);
    }

    static PartialEmbeddings open(Path dir, Path finalDir, Plan plan, List<String> sources) throws IOException {
        if (plan.chunkSize() <= 0 || plan.total() < 0) {
            throw new IllegalArgumentException("chunk size must be > 0 and total >= 0, found " + plan);
        }
        Path planFile = dir.resolve("plan.json");
        if (Files.exists(planFile) && !plan.equals(readPlan(planFile))) {
            AtomicDirectory.deleteRecursively(dir);
        }
        Files.createDirectories(dir.resolve("chunks"));
        if (!Files.exists(planFile)) {
            StoreJson.write(planFile, plan);
        }
        return new PartialEmbeddings(dir, finalDir, plan, sources);
    }

    /** SHA-256 of the source lines (hex), for {@link Plan#sourcesDigest()}. */
    static String digest(List<String> sources) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String line : sources) {
                sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static Plan readPlan(Path planFile) {
        try {
            return StoreJson.read(planFile, Plan.class);
        } catch (IOException e) {
            return null; // unreadable plan: treat the partial build as stale
        }
    }

    /** The folder the chunks are committed to ({@code <digest>.partial}). */
    public Path directory() {
        return dir;
    }

    public Plan plan() {
        return plan;
    }

    /** Indices of chunks already committed. */
    public BitSet completedChunks() {
        BitSet done = new BitSet(plan.chunkCount());
        for (int i = 0; i < plan.chunkCount(); i++) {
            if (Files.isRegularFile(sidecar(i))) {
                done.set(i);
            }
        }
        return done;
    }

    /** Commits chunk {@code index}: one embedding row per id (skipped samples have no row). */
    public void writeChunk(Chunk chunk, float[][] embeddings) throws IOException {
        if (embeddings.length != chunk.ids().size() || chunk.labels().length != embeddings.length) {
            throw new IllegalArgumentException("chunk " + chunk.index() + ": " + embeddings.length + " embeddings, "
                    + chunk.ids().size() + " ids, " + chunk.labels().length + " labels");
        }
        Npy.writeFloat32(embeddingsFile(chunk.index()), embeddings, plan.embeddingDim());
        StoreJson.write(sidecar(chunk.index()), chunk);
    }

    /**
     * Assembles the finished cache directory from all chunks (streaming, one chunk in memory) and
     * removes the partial build. Fails, naming the chunk, if any is missing.
     */
    public CachedEmbeddings finish(Clock clock) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < plan.chunkCount(); i++) {
            if (!Files.isRegularFile(sidecar(i))) {
                throw new IOException(sidecar(i) + ": chunk " + i + " of " + plan.chunkCount() + " is missing");
            }
            chunks.add(StoreJson.read(sidecar(i), Chunk.class));
        }
        AtomicDirectory.write(finalDir, tmp -> assemble(tmp, chunks, clock));
        AtomicDirectory.deleteRecursively(dir);
        return EmbeddingCache.at(finalDir.getParent(), plan.key()).read();
    }

    private void assemble(Path tmp, List<Chunk> chunks, Clock clock) throws IOException {
        List<String> items = new ArrayList<>();
        List<SkippedImage> skipped = new ArrayList<>();
        long[] labels;
        try (NpyMatrixWriter writer = NpyMatrixWriter.open(tmp.resolve(EmbeddingCache.EMBEDDINGS), plan.embeddingDim())) {
            List<Long> labelList = new ArrayList<>();
            for (Chunk chunk : chunks) {
                writer.append(Npy.readFloatMatrix(embeddingsFile(chunk.index())));
                items.addAll(chunk.ids());
                for (long l : chunk.labels()) {
                    labelList.add(l);
                }
                skipped.addAll(chunk.skipped());
            }
            writer.commit();
            labels = labelList.stream().mapToLong(Long::longValue).toArray();
        }
        Npy.writeInt64(tmp.resolve(EmbeddingCache.LABELS), labels);
        AtomicFiles.writeString(tmp.resolve(EmbeddingCache.ITEMS), items.isEmpty() ? "" : String.join("\n", items) + "\n");
        AtomicFiles.writeString(tmp.resolve(EmbeddingCache.SOURCES), sources.isEmpty() ? "" : String.join("\n", sources) + "\n");
        StoreJson.write(tmp.resolve(EmbeddingCache.META), new EmbeddingCacheMeta(EmbeddingCacheMeta.FORMAT_VERSION,
                plan.key(), plan.key().digest(), plan.embeddingDim(), labels.length, skipped, clock.instant().toString()));
    }

    private Path embeddingsFile(int index) {
        return dir.resolve("chunks").resolve(String.format("%06d.npy", index));
    }

    private Path sidecar(int index) {
        return dir.resolve("chunks").resolve(String.format("%06d.json", index));
    }
}
