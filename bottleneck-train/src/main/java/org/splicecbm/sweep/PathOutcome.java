package org.splicecbm.sweep;

import java.util.List;
import org.splicecbm.runconfig.SweepConfig;

/**
 * One finished regularisation path of a sweep: its feature point, the fingerprint of the config it ran
 * with (a stored path is reused only for the same one) and one result per probe penalty, largest first.
 */
public record PathOutcome(FeaturePoint point, String fingerprint, List<TrialResult> points) {

    public PathOutcome {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a path outcome needs at least one point; " + point + " has none");
        }
        points = List.copyOf(points);
    }

    /** The path's best point on a validation metric (ties: the larger penalty, i.e. the sparser probe). */
    public TrialResult best(SweepConfig.Metric metric) {
        TrialResult best = points.get(0);
        for (TrialResult r : points) {
            if (r.metric(metric) > best.metric(metric)) {
                best = r;
            }
        }
        return best;
    }
}
