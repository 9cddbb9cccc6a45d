package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.sweep.FeaturePoint;
import org.splicecbm.sweep.Trial;

/**
 * The feature sets of a sweep's paths. When a path needs the features of its vocabulary size, those of every
 * {@code splice_l1} of that size still to run are computed with them, along one l1 path
 * ({@link FeaturePipeline#runPath}: one backbone, dictionary and image mean, one pass over the cached
 * embeddings, each value certified as a single solve would be); the later paths of that size find theirs
 * ready. Only this process's results are reused: a resumed sweep computes its pending values afresh.
 */
final class SweepFeatures {
    private final List<FeaturePoint> plan;
    private final Set<FeaturePoint> finished;
    private final PrintStream log;
    private final Map<FeaturePoint, Map<Split, Path>> ready = new HashMap<>();

    /**
     * @param plan     every path of the sweep, in its order
     * @param finished the paths whose results were stored before this run (their features are not needed again)
     */
    SweepFeatures(List<FeaturePoint> plan, Set<FeaturePoint> finished, PrintStream log) {
        this.plan = List.copyOf(plan);
        this.finished = Set.copyOf(finished);
        this.log = log;
    }

    /** The feature-set folder of each split for {@code trial}, computing them (and their siblings') if needed. */
    Map<Split, Path> of(Trial trial) throws IOException {
        log.println("== features for " + trial.point() + " -> " + FeaturePipeline.featureDir(trial.config().features()));
        Map<Split, Path> sets = ready.remove(trial.point());
        if (sets != null) {
            return sets;
        }
        List<Double> l1Values = pendingL1Values(trial.point());
        if (l1Values.size() == 1) {
            return FeaturePipeline.run(trial.config().features());
        }
        log.println("   one l1 path for vocabulary size " + trial.point().vocabularySize() + ": splice l1 " + l1Values);
        Map<Double, Map<Split, Path>> path = FeaturePipeline.runPath(trial.config().features(), l1Values);
        path.forEach((l1, splits) -> ready.put(new FeaturePoint(trial.point().vocabularySize(), l1), splits));
        return ready.remove(trial.point());
    }

    /** The point's own l1 first, then those of the unfinished paths of its vocabulary size, in plan order. */
    private List<Double> pendingL1Values(FeaturePoint point) {
        List<Double> l1Values = new ArrayList<>(List.of(point.spliceL1()));
        for (FeaturePoint p : plan) {
            if (p.vocabularySize() == point.vocabularySize() && !l1Values.contains(p.spliceL1()) && !finished.contains(p)) {
                l1Values.add(p.spliceL1());
            }
        }
        return l1Values;
    }
}
