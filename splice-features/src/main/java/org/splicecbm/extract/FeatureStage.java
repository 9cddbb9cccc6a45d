package org.splicecbm.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.splicecbm.data.Split;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.FeatureSet;

/**
 * The feature stage of splice-cbm (ARCHITECTURE.md): decode → preprocess → embed → cache →
 * decompose → write. Stage 1 ({@link EmbeddingStage}) produces every split's raw CLIP embeddings
 * (cached, resumable); only when all splits have them does stage 2 ({@link DecompositionStage}) turn
 * them into SpLiCE concept weights (Bhalla et al., NeurIPS 2024) and write each split's
 * {@link FeatureSet} atomically. A bad image under {@code on_bad_image: fail} therefore stops the run
 * before any feature set is written.
 */
public final class FeatureStage {
    private FeatureStage() {}

    /** Runs the stage; returns where each split's feature set and embedding cache are. */
    public static FeatureStageResult run(FeatureJob job) throws IOException {
        StageCounters counters = new StageCounters();
        EmbeddingStage embedding = new EmbeddingStage(job, counters);
        Map<Split, CachedEmbeddings> cached = new EnumMap<>(Split.class);
        for (Split split : job.splits()) {
            cached.put(split, embedding.run(split));
        }
        DecompositionStage decomposition = new DecompositionStage(job);
        Map<Split, Path> featureSets = new EnumMap<>(Split.class);
        Map<Split, Path> caches = new EnumMap<>(Split.class);
        for (Split split : job.splits()) {
            Path dir = job.featureSetDir(split);
            decomposition.run(split, cached.get(split)).write(dir);
            featureSets.put(split, dir);
            caches.put(split, cached.get(split).directory());
        }
        return new FeatureStageResult(featureSets, caches, counters);
    }
}
