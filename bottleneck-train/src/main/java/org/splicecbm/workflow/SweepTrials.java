package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.data.Split;
import org.splicecbm.probe.Evaluation;
import org.splicecbm.probe.PathPoint;
import org.splicecbm.probe.PathResult;
import org.splicecbm.probe.RegularisationPath;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.sweep.PathOutcome;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialExecutor;
import org.splicecbm.sweep.TrialParams;
import org.splicecbm.sweep.TrialResult;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.TrackedRun;

/**
 * A sweep's path as the CLI runs it: the features of the point's vocabulary size and SpLiCE l1 (the CLIP
 * embeddings come from the cache, so only the decomposition runs, along one l1 path for all the size's
 * {@code splice_l1} values: {@link SweepFeatures}), then one warm-started
 * {@link RegularisationPath} of the exact probe over the path's penalties, each penalty becoming a point
 * (validation and test metrics, probe sparsity, feature sparsity) and an MLflow child run of the sweep's
 * parent. One child run per point, not per path: MLflow compares runs by their params and final metrics
 * (the runs table, parallel coordinates, scikit-learn autolog's one child per grid-search candidate), which
 * works only if the probe penalty is a run param.
 */
final class SweepTrials implements TrialExecutor {
    private final RunTracker tracker;
    private final String sweepId;
    private final Map<String, String> tags;
    private final SweepInterrupts interrupts;
    private final SweepFeatures features;
    private final PrintStream log;

    /** Paths whose child runs go to {@code tracker}, tagged with {@code tags} (sweep id, parent run). */
    SweepTrials(RunTracker tracker, String sweepId, Map<String, String> tags, SweepInterrupts interrupts,
                SweepFeatures features, PrintStream log) {
        this.tracker = tracker;
        this.sweepId = sweepId;
        this.tags = Map.copyOf(tags);
        this.interrupts = interrupts;
        this.features = features;
        this.log = log;
    }

    @Override
    public PathOutcome run(Trial trial) throws IOException {
        interrupts.pathStarted(trial.point());
        double[] sparsity = featureSparsity(features.of(trial));
        FeatureSplits splits = FeatureSplits.load(trial.config());
        log.println("== path for " + trial.point());
        PathResult path = RegularisationPath.solve(splits.require(Split.TRAIN), splits.require(Split.VAL),
                splits.require(Split.TEST), trial.config().probe());
        List<TrialResult> points = new ArrayList<>();
        for (int i = 0; i < path.points().size(); i++) {
            PathPoint p = path.points().get(i);
            Evaluation val = Evaluation.of(path.probes().get(i), splits.require(Split.VAL));
            Evaluation test = Evaluation.of(path.probes().get(i), splits.require(Split.TEST));
            TrialParams params = trial.point().at(p.l1());
            String runName = sweepId + "-" + params.key();
            TrialResult result = new TrialResult(params, val.accuracy(), val.balancedAccuracy(), val.macroF1(), test.accuracy(),
                    test.balancedAccuracy(), sparsity[0], sparsity[1], p.nonzeros(), p.effectiveConcepts(), p.nec(), runName,
                    null);
            points.add(track(trial.configAt(p.l1()), result, p));
            log.printf(Locale.ROOT, "   probe l1 %.4e: NEC %.2f, val accuracy %.4f, test accuracy %.4f%n", p.l1(), p.nec(),
                    val.accuracy(), test.accuracy());
        }
        interrupts.pathFinished();
        return new PathOutcome(trial.point(), trial.fingerprint(), points);
    }

    /** Logs one point as a child run; returns the result with the run's id. */
    private TrialResult track(RunConfig pointConfig, TrialResult r, PathPoint p) {
        Map<String, String> runTags = new LinkedHashMap<>(RunProvenance.tags(pointConfig));
        runTags.putAll(tags);
        runTags.put("splice.sweep.trial", r.params().key());
        runTags.put("splice.sweep.path", r.params().features().key());
        TrackedRun run = tracker.startRun(pointConfig.experimentName(), r.runName(), runTags);
        RunInterrupts.runToEnd(run, "sweep child run " + r.runName(), null, () -> {
            run.logParams(RunProvenance.params(pointConfig));
            run.logMetrics(metrics(r, p), 0);
            return null;
        });
        return r.withRunId(run.runId());
    }

    private static Map<String, Double> metrics(TrialResult r, PathPoint p) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("val_accuracy", r.valAccuracy());
        m.put("val_balanced_accuracy", r.valBalancedAccuracy());
        m.put("val_macro_f1", r.valMacroF1());
        m.put("test_accuracy", r.testAccuracy());
        m.put("test_balanced_accuracy", r.testBalancedAccuracy());
        m.put("nonzero_weights", (double) r.nonzeros());
        m.put("effective_concepts", (double) r.effectiveConcepts());
        m.put("nec", r.nec());
        m.put("features_mean_l0", r.meanL0());
        m.put("features_mean_cosine", r.meanCosine());
        m.put("objective", p.objective());
        m.put("kkt_violation", p.kktViolation());
        return m;
    }

    /** Mean L0 and mean reconstruction cosine over every split's rows. */
    private static double[] featureSparsity(Map<Split, Path> sets) throws IOException {
        double nonzeros = 0;
        double cosine = 0;
        long rows = 0;
        for (Path dir : sets.values()) {
            FeatureSetMeta meta = FeatureSetMeta.read(dir);
            nonzeros += meta.meanL0() * meta.rows();
            cosine += meta.meanCosine() * meta.rows();
            rows += meta.rows();
        }
        return rows == 0 ? new double[] {0, Double.NaN} : new double[] {nonzeros / rows, cosine / rows};
    }
}
