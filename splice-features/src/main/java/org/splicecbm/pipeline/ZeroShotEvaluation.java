package org.splicecbm.pipeline;

import java.io.IOException;
import java.util.List;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.progress.InterruptNotice;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.zeroshot.ClassPrompts;
import org.splicecbm.zeroshot.ZeroShotReport;
import org.splicecbm.zeroshot.ZeroShotResult;
import org.splicecbm.zeroshot.ZeroShotStudy;

/**
 * SpLiCE's zero-shot study driven by a {@link FeatureConfig} (Bhalla et al., NeurIPS 2024, Sec. 5.1): the
 * split's image embeddings from the shared embedding cache, the class prompts through the same
 * backbone's text tower, the config's dictionary and image mean, then the dense baseline and one
 * SpLiCE reconstruction row per l1 penalty.
 */
public final class ZeroShotEvaluation {
    /** Rows decomposed at a time: one batch of weights in memory. */
    static final int BATCH_ROWS = 1024;

    private ZeroShotEvaluation() {}

    /**
     * @param l1Penalties SpLiCE penalties to evaluate (empty: the config's {@code splice.l1_penalty})
     * @param template    the prompt template, e.g. {@link ClassPrompts#DEFAULT_TEMPLATE}
     */
    public static ZeroShotReport run(FeatureConfig config, Split split, List<Double> l1Penalties, String template)
            throws IOException {
        List<Double> l1s = l1Penalties.isEmpty() ? List.of(config.splice().l1Penalty()) : List.copyOf(l1Penalties);
        for (double l1 : l1s) { // before any work: a bad last value must not cost the whole run
            if (!(Double.isFinite(l1) && l1 > 0)) {
                throw new IllegalArgumentException("every l1 penalty must be a finite number > 0, found " + l1
                        + " in " + l1s + " (e.g. --l1 0.15,0.25,0.35)");
            }
        }
        ImageDataset dataset = Datasets.open(config.dataset());
        ClassPrompts prompts = new ClassPrompts(template, dataset.classNames());
        try (ClipBackbone backbone = FeaturePipeline.open(config)) {
            SpliceBasis.ForSplit inputs = SpliceBasis.forSplit(config, backbone, dataset, split, "zeroshot");
            CachedEmbeddings cached = inputs.embeddings();
            ConceptDictionary dictionary = inputs.dictionary();
            ImageMean mean = inputs.mean();
            ZeroShotStudy study = new ZeroShotStudy(cached.rowBatches(BATCH_ROWS), cached.labels(),
                    prompts.embed(backbone), dataset.name() + "/" + split.key());
            List<ZeroShotResult> rows = new java.util.concurrent.CopyOnWriteArrayList<>(); // read by the interrupt hook
            String scope = "zeroshot of split " + split.key();
            try (InterruptNotice.Registration notice = InterruptNotice.whileRunning(() -> scope + " after " + rows.size()
                    + " of " + l1s.size() + " l1 penalties; kept: the complete embedding cache; no table or plot is written"
                    + " (they are written at the end)")) {
                ZeroShotResult dense = study.dense();
                // one solver for all values: the l1 path shares each batch's dictionary pass and warm starts
                try (SpliceStep step = SpliceSetup.step(dictionary, mean, config.withSpliceL1(l1s.get(0)).splice())) {
                    rows.addAll(study.splicePath(step.decomposer(), l1s));
                }
                return new ZeroShotReport(dataset.name(), split, prompts, dense, rows);
            }
        }
    }
}
