package org.splicecbm.features;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a feature-stage run actually did, so callers (and tests) can see that a cached run decoded
 * no image and ran no forward pass.
 */
public final class StageCounters {
    private final AtomicLong imagesDecoded = new AtomicLong();
    private final AtomicLong imagesEmbedded = new AtomicLong();
    private final AtomicLong imagesSkipped = new AtomicLong();
    private final AtomicLong embedNanos = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    void decoded() {
        imagesDecoded.incrementAndGet();
    }

    void embedded(int images, long nanos) {
        imagesEmbedded.addAndGet(images);
        embedNanos.addAndGet(nanos);
    }

    void skipped() {
        imagesSkipped.incrementAndGet();
    }

    void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** Images decoded and preprocessed (0 when every split came from the embedding cache). */
    public long imagesDecoded() {
        return imagesDecoded.get();
    }

    /** Images passed through the CLIP image tower. */
    public long imagesEmbedded() {
        return imagesEmbedded.get();
    }

    /** Bad images left out under {@code on_bad_image: skip}. */
    public long imagesSkipped() {
        return imagesSkipped.get();
    }

    /** Wall time spent inside {@code ClipBackbone.embedImages}. */
    public long embedNanos() {
        return embedNanos.get();
    }

    /** Splits whose embeddings were found complete in the cache. */
    public long cacheHits() {
        return cacheHits.get();
    }

    @Override
    public String toString() {
        return "decoded=" + imagesDecoded() + " embedded=" + imagesEmbedded() + " skipped=" + imagesSkipped()
                + " cacheHits=" + cacheHits() + " embedSeconds=" + embedNanos() / 1e9;
    }
}
