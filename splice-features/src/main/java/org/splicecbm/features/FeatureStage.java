package org.splicecbm.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.data.Split;
import org.splicecbm.progress.InterruptNotice;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.FeatureSet;

/**
 * The feature stage of splice-cbm (ARCHITECTURE.md): decode → preprocess → embed → cache →
 * decompose → write. Stage 1 ({@link #embed}) produces every split's raw CLIP embeddings (cached,
 * resumable); only when all splits have them does stage 2 turn them into SpLiCE concept weights
 * (Bhalla et al., NeurIPS 2024) and write each split's {@link FeatureSet} atomically. A bad image under
 * {@code on_bad_image: fail} therefore stops the run before any feature set is written.
 */
public final class FeatureStage {
    private FeatureStage() {}

    /** Result of stage 1 alone: each split's finished cache, and the work done. */
    public record Embedded(Map<Split, CachedEmbeddings> caches, StageCounters counters) {}

    /**
     * Stage 1 only: makes sure every split's embeddings are cached, decoding and embedding only what is
     * missing. Useful on its own, e.g. to compute a dataset image mean from the train split's embeddings
     * ({@link CachedEmbeddings#rowBatches}) before building the decomposer.
     */
    public static Embedded embed(EmbeddingJob job) throws IOException {
        return embed(job, "embeddings");
    }

    /**
     * As {@link #embed(EmbeddingJob)}; {@code work} names the command for the message printed if the run is
     * interrupted (Ctrl-C, SIGTERM), e.g. {@code features} or {@code zeroshot}.
     */
    public static Embedded embed(EmbeddingJob job, String work) throws IOException {
        FeatureProgress progress = new FeatureProgress(work);
        try (InterruptNotice.Registration notice = InterruptNotice.whileRunning(progress)) {
            return embed(job, new StageCounters(), progress);
        }
    }

    /** Runs both stages; returns where each split's feature set and embedding cache are. */
    public static FeatureStageResult run(FeatureJob job) throws IOException {
        FeatureProgress progress = new FeatureProgress("features");
        try (InterruptNotice.Registration notice = InterruptNotice.whileRunning(progress)) {
            return decompose(job, embed(job.embedding(), new StageCounters(), progress), progress);
        }
    }

    /** Stage 2 alone, on embeddings stage 1 already produced for {@code job.embedding()} (see {@link #embed}). */
    public static FeatureStageResult decompose(FeatureJob job, Embedded embedded) throws IOException {
        double l1 = job.decomposer().l1Penalty();
        return decomposePath(job, embedded, Map.of(l1, job.outputDir())).get(l1);
    }

    /** Stage 2 at the decomposer's own l1: the path of that one value, written to {@link FeatureJob#outputDir}. */
    private static FeatureStageResult decompose(FeatureJob job, Embedded embedded, FeatureProgress progress) throws IOException {
        double l1 = job.decomposer().l1Penalty();
        return decomposePath(job, embedded, Map.of(l1, job.outputDir()), progress).get(l1);
    }

    /**
     * Stage 2 for several l1 values in one pass over each split's embeddings (an l1 path, each value
     * certified like a single solve): {@code outputDirs} maps each l1 to the folder its feature sets go
     * to (as {@link FeatureJob#outputDir}); returns one result per l1, in the map's order. The job's
     * decomposer must support paths ({@link SpliceStep} does).
     */
    public static Map<Double, FeatureStageResult> decomposePath(FeatureJob job, Embedded embedded,
                                                                Map<Double, Path> outputDirs) throws IOException {
        FeatureProgress progress = new FeatureProgress("features");
        embedded.caches().keySet().forEach(progress::cached);
        try (InterruptNotice.Registration notice = InterruptNotice.whileRunning(progress)) {
            return decomposePath(job, embedded, outputDirs, progress);
        }
    }

    private static Map<Double, FeatureStageResult> decomposePath(FeatureJob job, Embedded embedded,
                                                                 Map<Double, Path> outputDirs, FeatureProgress progress)
            throws IOException {
        Map<Split, CachedEmbeddings> cached = requireEmbedded(job, embedded);
        List<Double> l1Values = List.copyOf(outputDirs.keySet());
        DecompositionStage decomposition = new DecompositionStage(job);
        List<Map<Split, Path>> featureSets = new ArrayList<>();
        l1Values.forEach(l1 -> featureSets.add(new EnumMap<>(Split.class)));
        Map<Split, Path> caches = new EnumMap<>(Split.class);
        for (Split split : job.embedding().splits()) {
            progress.decomposing(split);
            List<FeatureSet> sets = decomposition.runPath(split, cached.get(split), l1Values);
            for (int v = 0; v < l1Values.size(); v++) {
                Path dir = outputDirs.get(l1Values.get(v)).resolve(split.key());
                sets.get(v).write(dir);
                featureSets.get(v).put(split, dir);
            }
            progress.written(split);
            caches.put(split, cached.get(split).directory());
        }
        Map<Double, FeatureStageResult> results = new LinkedHashMap<>();
        for (int v = 0; v < l1Values.size(); v++) {
            results.put(l1Values.get(v), new FeatureStageResult(featureSets.get(v), caches, embedded.counters()));
        }
        return results;
    }

    private static Map<Split, CachedEmbeddings> requireEmbedded(FeatureJob job, Embedded embedded) {
        Map<Split, CachedEmbeddings> cached = embedded.caches();
        if (!cached.keySet().containsAll(job.embedding().splits())) {
            throw new IllegalArgumentException("embeddings cover " + cached.keySet() + " but the job needs "
                    + job.embedding().splits() + "; embed with the job's own EmbeddingJob first");
        }
        return cached;
    }

    private static Embedded embed(EmbeddingJob job, StageCounters counters, FeatureProgress progress) throws IOException {
        EmbeddingStage stage = new EmbeddingStage(job, counters, progress);
        Map<Split, CachedEmbeddings> cached = new EnumMap<>(Split.class);
        for (Split split : job.splits()) {
            cached.put(split, stage.run(split));
            progress.cached(split);
        }
        stage.warnAboutMissingImages();
        return new Embedded(Map.copyOf(cached), counters);
    }
}
