package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * A solved regularisation path: one {@link PathPoint} and trained probe per penalty (decreasing), and the
 * accuracy at fixed NEC levels: for each target the point with the largest NEC not above it (VLG-CBM's
 * "accuracy at NEC = 5" protocol), or none when even the sparsest point exceeds the target.
 *
 * @param zeroingPenalty the smallest penalty at which every weight is zero
 */
public record PathResult(double zeroingPenalty, List<PathPoint> points, List<TrainedProbe> probes, List<AtNec> atNec) {

    /** The point chosen for one NEC target; {@code point} is null when no point has NEC <= target. */
    public record AtNec(int target, PathPoint point) {}

    public PathResult {
        points = List.copyOf(points);
        probes = List.copyOf(probes);
        atNec = List.copyOf(atNec);
    }

    /** For each target, the point with the largest NEC not above it (the earliest such point on ties). */
    static List<AtNec> atNec(List<PathPoint> points, List<Integer> targets) {
        List<AtNec> chosen = new ArrayList<>();
        for (int target : targets) {
            PathPoint best = null;
            for (PathPoint p : points) {
                if (p.nec() <= target && (best == null || p.nec() > best.nec())) {
                    best = p;
                }
            }
            chosen.add(new AtNec(target, best));
        }
        return chosen;
    }
}
