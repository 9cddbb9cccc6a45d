package org.splicecbm.decompose;

/**
 * A deliberately simple, slow reference for tests only: cyclic projected coordinate descent over
 * all c concepts in double precision, residual form, run until every KKT condition holds to
 * {@code 1e-13} (or a sweep limit). Shares no code with the solver under test.
 */
final class ReferenceNonnegativeLasso {
    private ReferenceNonnegativeLasso() {}

    static double[] solve(float[][] dictionary, float[] target, double l1, int maxSweeps) {
        int c = dictionary.length;
        int d = target.length;
        double[] w = new double[c];
        double[] r = new double[d];
        for (int k = 0; k < d; k++) {
            r[k] = target[k];
        }
        double[] norms = new double[c];
        for (int j = 0; j < c; j++) {
            for (int k = 0; k < d; k++) {
                norms[j] += (double) dictionary[j][k] * dictionary[j][k];
            }
        }
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            double worst = 0;
            for (int j = 0; j < c; j++) {
                if (norms[j] == 0) {
                    continue;
                }
                double g = l1 - 2 * dot(dictionary[j], r);
                worst = Math.max(worst, w[j] > 0 ? Math.abs(g) : -g);
                double updated = Math.max(0, w[j] - g / (2 * norms[j]));
                double delta = updated - w[j];
                if (delta != 0) {
                    for (int k = 0; k < d; k++) {
                        r[k] -= delta * dictionary[j][k];
                    }
                    w[j] = updated;
                }
            }
            if (worst < 1e-13) {
                break;
            }
        }
        return w;
    }

    /** {@code ||C^T w - z||^2 + l1 sum(w)} in double. */
    static double objective(float[][] dictionary, float[] target, double[] w, double l1) {
        double[] r = residual(dictionary, target, w);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double rr = 0;
        for (double v : r) {
            rr += v * v;
        }
        return rr + l1 * sum;
    }

    static double[] residual(float[][] dictionary, float[] target, double[] w) {
        double[] r = new double[target.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = target[k];
        }
        for (int j = 0; j < w.length; j++) {
            if (w[j] != 0) {
                for (int k = 0; k < r.length; k++) {
                    r[k] -= w[j] * dictionary[j][k];
                }
            }
        }
        return r;
    }

    static double dot(float[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
