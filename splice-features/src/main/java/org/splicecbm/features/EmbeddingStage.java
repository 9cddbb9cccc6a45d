package org.splicecbm.features;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.data.Sample;
import org.splicecbm.data.SourceStamps;
import org.splicecbm.data.Split;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.CacheBuildLock;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.EmbeddingCache;
import org.splicecbm.store.EmbeddingCacheKey;
import org.splicecbm.store.PartialEmbeddings;

/**
 * Stage 1 of the feature stage: raw CLIP image embeddings of one split, from the cache when it is
 * complete (no image is decoded then), otherwise computed and committed chunk by chunk so an
 * interrupted run resumes at the first missing chunk. Workers decode and preprocess up to
 * {@link EmbeddingJob#queueBatches()} batches ahead while the calling thread runs the forward passes in order.
 */
final class EmbeddingStage {
    private final EmbeddingJob job;
    private final StageCounters counters;
    private final FeatureProgress progress;
    private final List<String> missingImages = new ArrayList<>();

    EmbeddingStage(EmbeddingJob job, StageCounters counters, FeatureProgress progress) {
        this.job = job;
        this.counters = counters;
        this.progress = progress;
    }

    /**
     * The cache key of {@code split}: backbone, dataset membership (ids and labels, no image is touched),
     * split and preprocessing; the images' stamps are recorded in the cache and checked in {@link #run}.
     */
    EmbeddingCache cacheFor(Split split) throws IOException {
        String preprocessing = job.backbone().preprocessing().describe();
        EmbeddingCacheKey key = new EmbeddingCacheKey(job.backboneKey(), job.dataset().membershipFingerprint(split),
                split.key(), preprocessing);
        return EmbeddingCache.at(job.cacheDir(), key);
    }

    CachedEmbeddings run(Split split) throws IOException {
        EmbeddingCache cache = cacheFor(split);
        List<Sample> samples = job.dataset().samples(split);
        String what = job.dataset().name() + "/" + split.key();
        CachedEmbeddings hit = completeMatch(cache, samples, what);
        if (hit != null) {
            return hit;
        }
        requireSingleLineIds(samples);
        SourceStamps stamps = SourceStamps.of(samples, what);
        progress.waitingForCache(split, cache.directory());
        try (CacheBuildLock lock = cache.lockBuild(CacheBuildLock.configuredTimeout(), System.err::println)) {
            hit = completeMatch(cache, samples, what); // another process may have built it while this one waited
            if (hit != null) {
                return hit;
            }
            PartialEmbeddings partial = cache.resume(samples.size(), job.batchSize(), job.backbone().embeddingDim(), stamps.lines());
            embedMissingChunks(split, samples, partial);
            return partial.finish(job.clock());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the embedding cache " + cache.directory());
        }
    }

    /** The complete cache of {@code split} when it exists and still matches the images, else null. */
    private CachedEmbeddings completeMatch(EmbeddingCache cache, List<Sample> samples, String what) throws IOException {
        if (cache.isComplete()) {
            CachedEmbeddings cached = cache.read();
            if (stillMatches(cached, samples, what)) {
                counters.cacheHit();
                return cached;
            }
        }
        return null;
    }

    /** A complete cache serves while no present image changed; images no longer on disk are a warning, not an error. */
    private boolean stillMatches(CachedEmbeddings cached, List<Sample> samples, String what) throws IOException {
        SourceStamps.Check check = SourceStamps.parse(cached.sources()).check(samples);
        if (!check.unchanged()) {
            System.err.println("embedding cache " + cached.directory() + " is out of date: " + check.changed().size()
                    + " image(s) of " + what + " changed since it was built (first: " + check.changed().get(0) + "); re-embedding");
            return false;
        }
        if (!check.missing().isEmpty()) {
            missingImages.add(check.missing().size() + " of " + samples.size() + " images of " + what
                    + " (first: " + check.missing().get(0) + ")");
        }
        return true;
    }

    /** One warning for every split served from a cache while its images are gone (archived, a detached disk). */
    void warnAboutMissingImages() {
        if (!missingImages.isEmpty()) {
            System.err.println("warning: images not on disk: " + String.join("; ", missingImages)
                    + "; using the complete embedding caches, which were built from them");
        }
    }

    private void embedMissingChunks(Split split, List<Sample> samples, PartialEmbeddings partial) throws IOException {
        BitSet done = partial.completedChunks();
        List<Integer> pending = new ArrayList<>();
        long pendingImages = 0;
        for (int c = done.nextClearBit(0); c < partial.plan().chunkCount(); c = done.nextClearBit(c + 1)) {
            pending.add(c);
            pendingImages += chunkSamples(samples, c).size();
        }
        progress.embedding(split, samples.size() - pendingImages, samples.size(), partial.directory());
        ImagePreprocessor preprocessor = new ImagePreprocessor(job.backbone().preprocessing());
        try (ChunkDecoder decoder = new ChunkDecoder(preprocessor, job.decodeThreads(), job.onBadImage(), counters);
             ProgressBar bar = Progress.bar("embed " + job.dataset().name() + "/" + split.key(), pendingImages, "img")) {
            Deque<CompletableFuture<DecodedChunk>> inFlight = new ArrayDeque<>();
            Iterator<Integer> next = pending.iterator();
            while (inFlight.size() < job.queueBatches() && next.hasNext()) {
                int c = next.next();
                inFlight.add(decoder.submit(c, chunkSamples(samples, c)));
            }
            while (!inFlight.isEmpty()) {
                DecodedChunk chunk = await(inFlight.poll());
                if (next.hasNext()) {
                    int c = next.next();
                    inFlight.add(decoder.submit(c, chunkSamples(samples, c)));
                }
                partial.writeChunk(new PartialEmbeddings.Chunk(chunk.index(), chunk.kept().stream().map(Sample::id).toList(),
                        chunk.kept().stream().mapToLong(Sample::label).toArray(), chunk.skipped()), embed(chunk));
                bar.stepBy(chunk.kept().size() + chunk.skipped().size());
                progress.committed(chunk.kept().size() + chunk.skipped().size());
            }
        }
    }

    private float[][] embed(DecodedChunk chunk) {
        if (chunk.pixels().length == 0) {
            return new float[0][];
        }
        long start = System.nanoTime();
        float[][] out = job.backbone().embedImages(chunk.pixels());
        counters.embedded(chunk.pixels().length, System.nanoTime() - start);
        int dim = job.backbone().embeddingDim();
        if (out.length != chunk.pixels().length) {
            throw new IllegalStateException("backbone " + job.backbone().name() + " returned " + out.length
                    + " embeddings for " + chunk.pixels().length + " images");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i].length != dim || !allFinite(out[i])) {
                throw new IllegalStateException("backbone " + job.backbone().name() + " returned an invalid embedding"
                        + " (length " + out[i].length + ", expected " + dim + ", or non-finite values) for "
                        + chunk.kept().get(i).source().location());
            }
        }
        return out;
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private List<Sample> chunkSamples(List<Sample> samples, int chunk) {
        int from = chunk * job.batchSize();
        return samples.subList(from, Math.min(samples.size(), from + job.batchSize()));
    }

    private static DecodedChunk await(CompletableFuture<DecodedChunk> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void requireSingleLineIds(List<Sample> samples) {
        for (Sample s : samples) {
            if (s.id().indexOf('\n') >= 0 || s.id().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("sample id must be a single line (items.txt has one id per line),"
                        + " found '" + s.id() + "' for " + s.source().location());
            }
        }
    }
}
