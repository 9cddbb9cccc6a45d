package org.splicecbm.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Which points no other point beats: at most as sparse (lower cost) and at least as accurate, better in one. */
final class ParetoFront {
    private ParetoFront() {}

    static boolean[] mark(List<SweepPoint> points, ToDoubleFunction<SweepPoint> cost) {
        boolean[] front = new boolean[points.size()];
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            front[i] = points.stream().noneMatch(q -> cost.applyAsDouble(q) <= cost.applyAsDouble(p)
                    && q.testAccuracy() >= p.testAccuracy()
                    && (cost.applyAsDouble(q) < cost.applyAsDouble(p) || q.testAccuracy() > p.testAccuracy()));
        }
        return front;
    }
}
