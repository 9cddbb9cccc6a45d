package org.splicecbm.features;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.splicecbm.data.DatasetConfig.OnBadImage;
import org.splicecbm.data.Sample;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.SkippedImage;

/**
 * Decodes and preprocesses chunks of samples on a pool of worker threads (images of one chunk in
 * parallel), keeping dataset order inside each chunk. An undecodable image either fails the chunk
 * with a {@link BadImageException} or is recorded as skipped, per {@code on_bad_image}.
 */
final class ChunkDecoder implements AutoCloseable {
    private final ImagePreprocessor preprocessor;
    private final OnBadImage policy;
    private final StageCounters counters;
    private final ExecutorService pool;

    ChunkDecoder(ImagePreprocessor preprocessor, int threads, OnBadImage policy, StageCounters counters) {
        this.preprocessor = preprocessor;
        this.policy = policy;
        this.counters = counters;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "splice-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts decoding {@code samples} as chunk {@code index}. */
    CompletableFuture<DecodedChunk> submit(int index, List<Sample> samples) {
        List<CompletableFuture<Object>> parts = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            parts.add(CompletableFuture.supplyAsync(() -> decode(s), pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> assemble(index, samples, parts));
    }

    /** A float[] of pixels, or the {@link SkippedImage} describing why there are none. */
    private Object decode(Sample sample) {
        try {
            float[] pixels = preprocessor.apply(sample.source().open());
            counters.decoded();
            return pixels;
        } catch (IOException e) {
            if (policy == OnBadImage.FAIL) {
                throw new java.util.concurrent.CompletionException(
                        new BadImageException(sample.id(), sample.source().location(), e));
            }
            counters.skipped();
            return new SkippedImage(sample.id(), sample.source().location(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // not a bad file but a failure of our own code: never skipped, always reported with the image
            throw new IllegalStateException("preprocessing " + sample.source().location() + " (sample " + sample.id()
                    + ") failed: " + e, e);
        }
    }

    private static DecodedChunk assemble(int index, List<Sample> samples, List<CompletableFuture<Object>> parts) {
        List<Sample> kept = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        List<SkippedImage> skipped = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Object result = parts.get(i).join();
            if (result instanceof float[] p) {
                kept.add(samples.get(i));
                pixels.add(p);
            } else {
                skipped.add((SkippedImage) result);
            }
        }
        return new DecodedChunk(index, kept, pixels.toArray(float[][]::new), skipped);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
