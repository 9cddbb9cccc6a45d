package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * The nonnegative lasso restricted to a small working set S of concepts, for one target z:
 * {@code min_{w_S >= 0} ||C_S^T w_S - z||^2 + l1 * sum(w_S)}, solved in double precision on the
 * Gram block {@code Q = C_S C_S^T}.
 *
 * <p>This class holds the members, their weights and gradients and the lazily computed Gram block;
 * {@link ActiveSetSteps} solves it exactly, with cyclic coordinate descent here as the fallback. Gram
 * columns are computed only for concepts that get a weight, and completed for later members only when
 * needed again, so their cost scales with the support, not with |S|^2.
 */
final class WorkingSetProblem {
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
    private final ActiveSetSteps activeSet = new ActiveSetSteps(this);
    private final java.util.BitSet memberSet = new java.util.BitSet();
    private long steps;
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

    /** Active-set steps and fallback sweeps so far. */
    long steps() {
        return steps + activeSet.steps();
    }

    double l1() {
        return l1;
    }

    // The arrays themselves, for ActiveSetSteps' inner loops: valid (and indexed by slot) until the set grows.

    double[] weights() {
        return weights;
    }

    double[] gradients() {
        return gradient;
    }

    double[] diagonal() {
        return diagonal;
    }

    double[] targetCorrelations() {
        return targetCorrelation;
    }

    double[] gramEntries() {
        return gram.entries();
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
    }

    /**
     * Drops members whose weight is 0 (as Celer prunes its working sets): they would cost a Gram
     * entry for every weight that moves. The caller re-checks them through their correlation with
     * the residual, and the duality gap covers every concept regardless.
     */
    void pruneZeroWeights() {
        int[] keep = new int[size];
        int[] newSlot = new int[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > 0) {
                newSlot[i] = kept;
                keep[kept++] = i;
            } else {
                memberSet.clear(members[i]);
            }
        }
        if (kept == size) {
            return;
        }
        activeSet.remap(newSlot); // P holds positive weights only, so every row is kept
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
    }

    /**
     * Solves the subproblem from the current weights until no member outside the passive set has a
     * gradient below {@code -tolerance}, by {@link ActiveSetSteps}. Coordinate descent takes over if
     * {@code maxSteps} steps do not settle it, or if a violator cannot enter because it is numerically a
     * combination of P (P spans all it could use; not seen with d = 512 and supports of ~120, but a
     * working set can be rank-deficient).
     */
    void solve(double tolerance, int maxSteps) {
        if (!activeSet.solve(tolerance, maxSteps)) {
            coordinateDescent(tolerance, maxSteps);
        }
    }

    /** {@code g_i = l1 - 2 c_i.z + 2 sum_p Q_ip w_p} for every member, from the Gram columns of the positive weights. */
    void refreshGradient() {
        for (int i = 0; i < size; i++) {
            gradient[i] = l1 - 2 * targetCorrelation[i];
        }
        for (int p = 0; p < size; p++) {
            if (!(weights[p] > 0)) {
                continue;
            }
            int at = column(p);
            double[] q = gram.entries();
            double step = 2 * weights[p];
            for (int i = 0; i < size; i++) {
                gradient[i] += step * q[at + i];
            }
        }
    }

    /**
     * The fallback: cyclic coordinate descent to the tolerance, then the factor of its support for the
     * next solve's steps (if that support's Gram block is numerically singular, the next solve descends too).
     */
    private void coordinateDescent(double tolerance, int maxSweeps) {
        refreshGradient();
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            sweepOnce();
            steps++;
            if (maxViolation() <= tolerance) {
                break;
            }
        }
        activeSet.rebuildFactor();
    }

    /** One cyclic pass of projected coordinate descent. */
    private void sweepOnce() {
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
        }
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

    /**
     * Completes Gram column i ({@code Q_{S,i}}) over the whole current set; returns its start in
     * {@link #gramEntries()}.
     */
    int column(int i) {
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
