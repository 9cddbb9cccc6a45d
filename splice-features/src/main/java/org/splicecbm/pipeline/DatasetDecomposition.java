package org.splicecbm.pipeline;

import java.io.IOException;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.DecompositionSummary;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.CachedEmbeddings;

/**
 * SpLiCE's {@code decompose_data.py}: the mean decomposition of a dataset split (and of each class), its
 * mean L0 and mean cosine, streamed from the embedding cache so no weight matrix is held in memory.
 */
public final class DatasetDecomposition {
    private DatasetDecomposition() {}

    /** What a dataset decomposition found: the summary plus the concept names and class names to read it with. */
    public record Outcome(DecompositionSummary summary, List<String> concepts, List<String> classNames, String dataset, Split split) {}

    public static Outcome run(FeatureConfig config, Split split) throws IOException {
        ImageDataset dataset = Datasets.open(config.dataset());
        try (ClipBackbone backbone = FeaturePipeline.open(config)) {
            SpliceBasis.ForSplit inputs = SpliceBasis.forSplit(config, backbone, dataset, split, "decompose-data");
            CachedEmbeddings cached = inputs.embeddings();
            ConceptDictionary dictionary = inputs.dictionary();
            ImageMean mean = inputs.mean();
            DecompositionSummary summary = new DecompositionSummary(dictionary.size());
            int[] labels = toInt(cached.labels());
            try (SpliceStep step = SpliceSetup.step(dictionary, mean, config.splice());
                 ProgressBar bar = Progress.bar("decompose " + dataset.name() + "/" + split.key(), labels.length, "img")) {
                int row = 0;
                for (float[][] batch : cached.rowBatches(1024)) {
                    summary.add(step.decompose(batch), java.util.Arrays.copyOfRange(labels, row, row + batch.length));
                    row += batch.length;
                    bar.stepTo(row);
                }
            }
            return new Outcome(summary, dictionary.concepts(), dataset.classNames(), dataset.name(), split);
        }
    }

    private static int[] toInt(long[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Math.toIntExact(labels[i]);
        }
        return out;
    }
}
