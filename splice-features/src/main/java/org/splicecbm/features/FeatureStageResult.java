package org.splicecbm.features;

import java.nio.file.Path;
import java.util.Map;
import org.splicecbm.data.Split;

/**
 * What {@link FeatureStage#run} produced.
 *
 * @param featureSets     the written feature-set directory of each split
 * @param embeddingCaches the embedding cache directory each split's rows came from
 * @param counters        work done (images decoded, embedded, skipped; cache hits; forward-pass time)
 */
public record FeatureStageResult(Map<Split, Path> featureSets, Map<Split, Path> embeddingCaches, StageCounters counters) {
    public FeatureStageResult {
        featureSets = inSplitOrder(featureSets);
        embeddingCaches = inSplitOrder(embeddingCaches);
    }

    /** Train, val, test: every summary printed from these maps lists the splits in the same order. */
    private static Map<Split, Path> inSplitOrder(Map<Split, Path> bySplit) {
        Map<Split, Path> ordered = new java.util.EnumMap<>(Split.class);
        ordered.putAll(bySplit);
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
