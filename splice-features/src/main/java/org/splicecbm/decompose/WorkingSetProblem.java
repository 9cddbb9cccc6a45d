package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * The nonnegative lasso restricted to a small working set S of concepts, for one target z:
 * {@code min_{w_S >= 0} ||C_S^T w_S - z||^2 + l1 * sum(w_S)}, solved in double precision on the
 * Gram block {@code Q = C_S C_S^T}.
 *
 * <p>Cyclic coordinate descent (fixed order, so deterministic) finds the support; once the support
 * stops changing, an exact step solves {@code Q_AA w_A = C_A z - l1/2} on the support A by Cholesky
 * and keeps it if it is positive and satisfies the KKT conditions on the rest of S. Gram columns are
 * computed lazily, only for concepts whose weight moves, and completed for later members only when
 * that weight moves again, so their cost scales with the support, not with |S|^2.
 */
final class WorkingSetProblem {
    private static final double PIVOT_FLOOR = 1e-10;
    private static final SolverKernels KERNELS = SolverKernels.BEST;

    private final float[][] dictionary;
    private final double[] squaredNorms;
    private final double[] target;
    private double l1;
    private int size;
    private int[] members = new int[0];
    private double[] targetCorrelation = new double[0];
    private double[] diagonal = new double[0];
    private double[] weights = new double[0];
    private double[] gradient = new double[0];
    private final GramColumns gram;
    private final SupportSystem supportSystem = new SupportSystem();
    private final java.util.BitSet memberSet = new java.util.BitSet();
    private boolean supportStepPending;
    private long sweeps;
    private long exactDots;

    WorkingSetProblem(float[][] dictionary, double[] squaredNorms, double[] target, double l1) {
        this.dictionary = dictionary;
        this.squaredNorms = squaredNorms;
        this.target = target;
        this.l1 = l1;
        this.gram = new GramColumns(dictionary);
    }

    int size() {
        return size;
    }

    int member(int i) {
        return members[i];
    }

    double weight(int i) {
        return weights[i];
    }

    double gradient(int i) {
        return gradient[i];
    }

    long sweeps() {
        return sweeps;
    }

    long exactDots() {
        return exactDots + gram.exactDots();
    }

    boolean contains(int concept) {
        return memberSet.get(concept);
    }

    /**
     * Adds concepts with weight 0. {@code residualCorrelations[m]} is the exact {@code c_j . r} of
     * {@code concepts[m]} for the current residual, which gives its gradient {@code l1 - 2 c_j . r}
     * without touching the Gram block (and, while all weights are 0, r = z, its correlation with the
     * target; otherwise that is computed, for all of them in one batch).
     */
    void add(int[] concepts, double[] residualCorrelations, int count) {
        ensureCapacity(size + count);
        boolean atZero = weightSum() == 0;
        if (atZero) {
            System.arraycopy(residualCorrelations, 0, targetCorrelation, size, count);
        } else {
            double[] withTarget = new double[count];
            KERNELS.dots(dictionary, concepts, count, target, withTarget);
            System.arraycopy(withTarget, 0, targetCorrelation, size, count);
            exactDots += count;
        }
        for (int m = 0; m < count; m++) {
            int concept = concepts[m];
            members[size] = concept;
            memberSet.set(concept);
            diagonal[size] = squaredNorms[concept];
            weights[size] = 0;
            gradient[size] = l1 - 2 * residualCorrelations[m];
            gram.reset(size);
            size++;
        }
        supportStepPending = true;
    }

    /**
     * Moves the problem to another penalty, keeping the members and weights (a step along an l1
     * path): every gradient {@code l1 - 2 c_i.z + 2 (Q w)_i} shifts by the change in l1.
     */
    void changePenalty(double newL1) {
        for (int i = 0; i < size; i++) {
            gradient[i] += newL1 - l1;
        }
        l1 = newL1;
        supportStepPending = true;
    }

    /**
     * Drops members whose weight is 0 (as Celer prunes its working sets): they would cost a Gram
     * entry for every weight that moves. The caller re-checks them through their correlation with
     * the residual, and the duality gap covers every concept regardless.
     */
    void pruneZeroWeights() {
        int[] keep = new int[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > 0) {
                keep[kept++] = i;
            } else {
                memberSet.clear(members[i]);
            }
        }
        if (kept == size) {
            return;
        }
        for (int n = 0; n < kept; n++) {
            int i = keep[n];
            members[n] = members[i];
            targetCorrelation[n] = targetCorrelation[i];
            diagonal[n] = diagonal[i];
            weights[n] = weights[i];
            gradient[n] = gradient[i];
        }
        gram.compact(keep, kept, size);
        size = kept;
        supportStepPending = true;
    }

    /**
     * Solves the subproblem from the current weights until every coordinate's KKT violation is at
     * most {@code tolerance} (or the exact support step succeeds), or {@code maxSweeps} sweeps pass.
     */
    void solve(double tolerance, int maxSweeps) {
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            boolean supportChanged = sweepOnce();
            sweeps++;
            supportStepPending |= supportChanged;
            // the support step is a function of the support alone: after it failed, retry only on a new support
            if (!supportChanged && supportStepPending) {
                supportStepPending = false;
                if (solveOnSupport(tolerance)) {
                    return;
                }
            }
            if (maxViolation() <= tolerance) {
                return;
            }
        }
    }

    /** One cyclic pass of projected coordinate descent; returns whether the support changed. */
    private boolean sweepOnce() {
        boolean changed = false;
        for (int i = 0; i < size; i++) {
            if (diagonal[i] <= 0) {
                continue; // a zero concept never helps: its weight stays 0
            }
            double old = weights[i];
            double updated = Math.max(0.0, old - gradient[i] / (2 * diagonal[i]));
            double delta = updated - old;
            if (delta == 0) {
                continue;
            }
            int at = column(i);
            double[] q = gram.entries();
            for (int k = 0; k < size; k++) {
                gradient[k] += 2 * delta * q[at + k];
            }
            weights[i] = updated;
            changed |= (old > 0) != (updated > 0);
        }
        return changed;
    }

    /** Largest violation of the subproblem's KKT conditions (gradient 0 on the support, >= 0 off it). */
    double maxViolation() {
        double worst = 0;
        for (int i = 0; i < size; i++) {
            double v = weights[i] > 0 ? Math.abs(gradient[i]) : -gradient[i];
            worst = Math.max(worst, v);
        }
        return worst;
    }

    /** The exact step on the current support; keeps it only if it is optimal for the subproblem. */
    private boolean solveOnSupport(double tolerance) {
        int[] support = currentSupport();
        for (int a : support) {
            column(a);
        }
        double[] solution = supportSystem.solve(gram.entries(), gram.stride(), support, members, targetCorrelation, l1,
                PIVOT_FLOOR);
        if (solution == null) {
            return false;
        }
        double[] newGradient = new double[size];
        for (int i = 0; i < size; i++) {
            newGradient[i] = l1 - 2 * targetCorrelation[i];
        }
        // column by column: each gradient still sums its terms in support order, so the bits are those of row by row
        for (int a = 0; a < support.length; a++) {
            double[] q = gram.entries();
            int at = support[a] * gram.stride();
            double step = 2 * solution[a];
            for (int i = 0; i < size; i++) {
                newGradient[i] += step * q[at + i];
            }
        }
        double[] newWeights = new double[size];
        for (int a = 0; a < support.length; a++) {
            newWeights[support[a]] = solution[a];
        }
        for (int i = 0; i < size; i++) {
            double v = newWeights[i] > 0 ? Math.abs(newGradient[i]) : -newGradient[i];
            if (v > tolerance) {
                return false;
            }
        }
        System.arraycopy(newWeights, 0, weights, 0, size);
        System.arraycopy(newGradient, 0, gradient, 0, size);
        return true;
    }

    private int[] currentSupport() {
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > 0) {
                count++;
            }
        }
        int[] support = new int[count];
        for (int i = 0, k = 0; i < size; i++) {
            if (weights[i] > 0) {
                support[k++] = i;
            }
        }
        return support;
    }

    /** Completes Gram column i ({@code Q_{S,i}}) over the whole current set; returns its start in the entries. */
    private int column(int i) {
        return gram.column(i, members, diagonal, size);
    }

    /** Writes {@code z - C_S^T w_S}, in double precision, into {@code r}. */
    void residualInto(double[] r) {
        System.arraycopy(target, 0, r, 0, r.length);
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            if (w > 0) {
                KERNELS.subtractScaled(r, w, dictionary[members[i]]);
            }
        }
    }

    double weightSum() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += weights[i];
        }
        return sum;
    }

    private void ensureCapacity(int needed) {
        if (needed <= members.length) {
            return;
        }
        int capacity = Math.max(needed, Math.max(16, members.length * 2));
        members = Arrays.copyOf(members, capacity);
        targetCorrelation = Arrays.copyOf(targetCorrelation, capacity);
        diagonal = Arrays.copyOf(diagonal, capacity);
        weights = Arrays.copyOf(weights, capacity);
        gradient = Arrays.copyOf(gradient, capacity);
        gram.ensureCapacity(capacity);
    }
}
