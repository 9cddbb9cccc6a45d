package org.splicecbm.probe;

/**
 * Proximal Newton coordinate descent on one weight (or bias) of {@link SoftmaxLasso} at a time: the exact
 * first and second derivative along the coordinate over the rows its concept occurs in, a soft-thresholded
 * Newton step, then an Armijo backtracking line search on the exact objective change (Tseng &amp; Yun 2009,
 * the coordinate form of glmnet's multinomial solver), so every accepted step decreases the objective.
 */
final class CoordinateDescent {
    private static final double ARMIJO = 1e-3;
    private static final double MIN_CURVATURE = 1e-12;
    private static final int MAX_HALVINGS = 40;

    private final SoftmaxLasso problem;
    private final SoftmaxRows state;
    private final int classes;
    private final double[] p;
    private final double[] change;

    CoordinateDescent(SoftmaxLasso problem, SoftmaxRows state) {
        this.problem = problem;
        this.state = state;
        this.classes = problem.classes;
        int longest = Math.max(problem.columns.longest(), problem.size());
        this.p = new double[longest];
        this.change = new double[longest];
    }

    /** Updates {@code weights[concept * classes + clazz]}; returns the coordinate's KKT violation before the step. */
    double updateWeight(double[] weights, int concept, int clazz) {
        ColumnMajor cols = problem.columns;
        int from = cols.start()[concept];
        int to = cols.start()[concept + 1];
        double g = 0;
        double h = 0;
        for (int q = from; q < to; q++) {
            int r = cols.rows()[q];
            double x = cols.values()[q];
            double pr = state.probability(r, clazz);
            p[q - from] = pr;
            double s = problem.rowWeight[r] * x;
            g += s * (pr - (problem.labels[r] == clazz ? 1 : 0));
            h += s * x * pr * (1 - pr);
        }
        int index = concept * classes + clazz;
        double w = weights[index];
        double violation = problem.coordinateViolation(w, g);
        if (violation == 0) {
            return 0;
        }
        double target = softThreshold(Math.max(h, MIN_CURVATURE) * w - g, problem.l1) / (Math.max(h, MIN_CURVATURE) + problem.l2);
        double step = target - w;
        double decrease = g * step + penaltyChange(w, target);
        for (int halving = 0; halving < MAX_HALVINGS && step != 0; halving++, step *= 0.5, decrease *= 0.5) {
            double loss = 0;
            for (int q = from; q < to; q++) {
                int r = cols.rows()[q];
                double u = step * cols.values()[q];
                change[q - from] = SoftmaxRows.normaliserChange(p[q - from], u);
                loss += problem.rowWeight[r] * (change[q - from] - (problem.labels[r] == clazz ? u : 0));
            }
            if (loss + penaltyChange(w, w + step) <= ARMIJO * decrease) {
                for (int q = from; q < to; q++) {
                    state.shift(cols.rows()[q], clazz, step * cols.values()[q], change[q - from]);
                }
                weights[index] = w + step;
                break;
            }
        }
        return violation;
    }

    /** Newton step with line search on the bias of {@code clazz} (unpenalised); returns its gradient's size before. */
    double updateBias(double[] bias, int clazz) {
        int n = problem.size();
        double g = 0;
        double h = 0;
        for (int r = 0; r < n; r++) {
            double pr = state.probability(r, clazz);
            p[r] = pr;
            g += problem.rowWeight[r] * (pr - (problem.labels[r] == clazz ? 1 : 0));
            h += problem.rowWeight[r] * pr * (1 - pr);
        }
        double step = -g / Math.max(h, MIN_CURVATURE);
        double decrease = g * step;
        for (int halving = 0; halving < MAX_HALVINGS && step != 0; halving++, step *= 0.5, decrease *= 0.5) {
            double loss = 0;
            for (int r = 0; r < n; r++) {
                change[r] = SoftmaxRows.normaliserChange(p[r], step);
                loss += problem.rowWeight[r] * (change[r] - (problem.labels[r] == clazz ? step : 0));
            }
            if (loss <= ARMIJO * decrease) {
                for (int r = 0; r < n; r++) {
                    state.shift(r, clazz, step, change[r]);
                }
                bias[clazz] += step;
                break;
            }
        }
        return Math.abs(g);
    }

    private double penaltyChange(double from, double to) {
        return problem.l1 * (Math.abs(to) - Math.abs(from)) + 0.5 * problem.l2 * (to * to - from * from);
    }

    static double softThreshold(double v, double t) {
        return v > t ? v - t : v < -t ? v + t : 0;
    }
}
