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
        featureSets = Map.copyOf(featureSets);
        embeddingCaches = Map.copyOf(embeddingCaches);
    }
}
