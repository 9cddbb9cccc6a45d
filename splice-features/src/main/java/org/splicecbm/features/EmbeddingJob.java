package org.splicecbm.features;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.data.DatasetConfig.OnBadImage;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;

/**
 * Stage 1 of the feature stage: which images to embed with which backbone, and where the embedding
 * cache lives. Nothing here depends on SpLiCE's l1 or vocabulary, so runs that differ only in those
 * share the cache.
 *
 * @param dataset       the images (rows keep {@link ImageDataset#samples} order)
 * @param splits        splits to process
 * @param backbone      the CLIP model; called from one thread only
 * @param backboneKey   identity of the backbone for the cache key (name plus a weight checksum when
 *                      available); null means {@link ClipBackbone#name()}
 * @param cacheDir      root of the embedding caches
 * @param batchSize     images per forward pass, also the cache's chunk (resume) granularity
 * @param decodeThreads decoding/preprocessing workers; 0 means all processors
 * @param queueBatches  decoded batches held ahead of the engine; 0 means 2. Pixel memory is bounded
 *                      by {@code (queueBatches + 1) x batchSize x pixelCount x 4} bytes (ViT-B/32,
 *                      batch 64, queue 2: 3 x 64 x 3x224x224 x 4 B = 116 MB)
 * @param onBadImage    {@code FAIL} (default) stops with the file and cause; {@code SKIP} leaves it out and lists it
 * @param clock         time source for {@code created_at}; null means UTC system time
 */
public record EmbeddingJob(ImageDataset dataset, List<Split> splits, ClipBackbone backbone, String backboneKey,
                           Path cacheDir, int batchSize, int decodeThreads, int queueBatches, OnBadImage onBadImage,
                           Clock clock) {

    public EmbeddingJob {
        splits = List.copyOf(splits);
        if (splits.isEmpty() || splits.stream().distinct().count() != splits.size()) {
            throw new IllegalArgumentException("splits must be non-empty and distinct, found " + splits);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, found " + batchSize);
        }
        if (decodeThreads < 0 || queueBatches < 0) {
            throw new IllegalArgumentException("decode threads and queue size must be >= 0, found "
                    + decodeThreads + " and " + queueBatches);
        }
        backboneKey = backboneKey == null ? backbone.name() : backboneKey;
        decodeThreads = decodeThreads == 0 ? Runtime.getRuntime().availableProcessors() : decodeThreads;
        queueBatches = queueBatches == 0 ? 2 : queueBatches;
        onBadImage = onBadImage == null ? OnBadImage.FAIL : onBadImage;
        clock = clock == null ? Clock.systemUTC() : clock;
    }
}
