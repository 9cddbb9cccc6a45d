package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialExecutor;
import org.splicecbm.sweep.TrialResult;

/**
 * A sweep trial as the CLI runs it: the feature stage for the trial's vocabulary size and SpLiCE l1
 * (once per pair in a sweep; the CLIP embeddings come from the cache, so only the decomposition
 * runs), then a tracked {@link TrainingRun} tagged with the sweep id and the sweep's parent run.
 */
public final class SweepTrials implements TrialExecutor {
    private final String sweepId;
    private final Map<String, String> tags;
    private final PrintStream log;
    /** Mean L0 of each feature set this sweep computed, by {@code TrialParams.featureKey()}. */
    private final Map<String, Double> meanL0 = new HashMap<>();

    /** Trials tagged with {@code sweepId} and {@code tags}, logging progress to {@code log}. */
    public SweepTrials(String sweepId, Map<String, String> tags, PrintStream log) {
        this.sweepId = sweepId;
        this.tags = Map.copyOf(tags);
        this.log = log;
    }

    @Override
    public TrialResult run(Trial trial) throws IOException {
        double l0 = features(trial);
        log.println("== trial " + trial.params() + ": train");
        Map<String, String> trialTags = new LinkedHashMap<>(tags);
        trialTags.put("splice.sweep.trial", trial.params().key());
        TrainingResult r = TrainingRun.run(trial.config(), sweepId + "-" + trial.params().key(), trialTags);
        log.printf(java.util.Locale.ROOT, "   val accuracy %.4f, test accuracy %.4f, mean L0 %.2f%n",
                r.val().accuracy(), r.test().accuracy(), l0);
        return new TrialResult(trial.params(), trial.fingerprint(), r.val().accuracy(), r.val().balancedAccuracy(),
                r.val().macroF1(), r.test().accuracy(), l0, r.test().effectiveConcepts(),
                r.probe().summary().epochsRun(), r.runName(), r.runId());
    }

    /** Computes the trial's feature sets unless this sweep already did; returns their mean L0 over all rows. */
    private double features(Trial trial) throws IOException {
        Double known = meanL0.get(trial.params().featureKey());
        if (known != null) {
            return known;
        }
        log.println("== features for size " + trial.params().vocabularySize() + ", splice l1 " + trial.params().spliceL1()
                + " -> " + FeaturePipeline.featureDir(trial.config().features()));
        Map<Split, Path> sets = FeaturePipeline.run(trial.config().features());
        double nonzeros = 0;
        long rows = 0;
        for (Path dir : sets.values()) {
            FeatureSetMeta meta = FeatureSetMeta.read(dir);
            nonzeros += meta.meanL0() * meta.rows();
            rows += meta.rows();
        }
        double l0 = rows == 0 ? 0 : nonzeros / rows;
        meanL0.put(trial.params().featureKey(), l0);
        return l0;
    }
}
