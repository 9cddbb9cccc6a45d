package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * The nonnegative lasso restricted to a small working set S of concepts, for one target z:
 * {@code min_{w_S >= 0} ||C_S^T w_S - z||^2 + l1 * sum(w_S)}, solved in double precision on the
 * Gram block {@code Q = C_S C_S^T}.
 *
 * <p>Lawson–Hanson active-set steps solve it exactly: the positive weights solve their stationarity
 * equations {@code Q_PP w_P = C_P z - l1/2} through a Cholesky factor that is updated as concepts
 * enter and leave ({@link PassiveSetFactor}); measured at c = 10,000, l1 = 0.05, this replaced
 * ~270 coordinate-descent sweeps and ~74 full support solves per image. Gram columns are computed
 * lazily, only for concepts that get a weight, and completed for later members only when needed
 * again, so their cost scales with the support, not with |S|^2.
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
    /** The Cholesky factor of the positive weights' Gram block, while {@code factorValid}. */
    private final PassiveSetFactor passive = new PassiveSetFactor();
    /** False after coordinate descent moved the weights and the factor of its support could not be built. */
    private boolean factorValid = true;
    private final java.util.BitSet memberSet = new java.util.BitSet();
    /** Slots that may not enter P again during the current solve (no positive weight, or a singular pivot). */
    private final java.util.BitSet blocked = new java.util.BitSet();
    /** The blocked slots refused for a singular pivot. */
    private final java.util.BitSet singular = new java.util.BitSet();
    /** The violators of one step, most negative gradient first (work array, as long as the members'). */
    private int[] entering = new int[0];
    /** Whether the current solve enters one member per step (after a joint entry failed). */
    private boolean singleEntry;
    /** The member entered alone by the last step in single-entry mode (-1: none). */
    private int loneEntrant = -1;
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

    long steps() {
        return steps;
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
        passive.remap(newSlot); // P holds positive weights only, so every row is kept
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
     * gradient below {@code -tolerance}, by Lawson–Hanson active-set steps (Lawson and Hanson, "Solving
     * Least Squares Problems", 1974, ch. 23): the weights of the passive set P solve
     * {@code Q_PP w_P = C_P z - l1/2} exactly (the factor is updated, not recomputed, as P changes);
     * a weight that would turn negative stops the step at zero and leaves P; the most violating member
     * enters P. Coordinate descent takes over if {@code maxSteps} steps do not settle it, or if a
     * violator cannot enter because it is numerically a combination of P (P spans all it could use;
     * not seen with d = 512 and supports of ~120, but a working set can be rank-deficient).
     */
    void solve(double tolerance, int maxSteps) {
        if (!factorValid || !activeSetSteps(tolerance, maxSteps)) {
            coordinateDescent(tolerance, maxSteps);
        }
    }

    /** Returns whether the steps solved the subproblem (false: the step cap, or a violator that cannot enter). */
    private boolean activeSetSteps(double tolerance, int maxSteps) {
        blocked.clear();
        singular.clear();
        singleEntry = false;
        loneEntrant = -1;
        for (int step = 0; step < maxSteps; step++) {
            steps++;
            if (stepToPassiveSolution()) {
                continue; // a weight reached zero and left P: solve again on the smaller set
            }
            refreshGradient();
            if (!enterViolators(tolerance)) {
                // a violator that is (numerically) in the span of P needs an exchange the steps do not make
                return !blockedViolator(tolerance);
            }
        }
        return false;
    }

    /**
     * Whether a member refused for a singular pivot still violates. A lone entrant that gets no positive
     * weight does not count: its gradient is negative only at rounding level (with an exact P solution
     * it would get a positive weight), and the row's duality gap still judges the result.
     */
    private boolean blockedViolator(double tolerance) {
        for (int i = singular.nextSetBit(0); i >= 0; i = singular.nextSetBit(i + 1)) {
            if (weights[i] == 0 && gradient[i] < -tolerance) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the weights toward the solution s of the passive system: all the way when s is positive,
     * else to the first weight that reaches zero, which leaves P. Members that have just entered and
     * get no positive weight leave at once; from then on this solve enters one member per step, and one
     * that fails alone (possible only at rounding level: after an exact P solution a lone entrant with a
     * negative gradient gets a positive weight) is blocked. Returns whether P shrank.
     */
    private boolean stepToPassiveSolution() {
        double[] s = passive.stationaryWeights(targetCorrelation, l1);
        if (dropFailedEntrants(s)) {
            return true;
        }
        int n = passive.size();
        double alpha = 1;
        int first = -1;
        for (int k = 0; k < n; k++) {
            if (!(s[k] > 0)) {
                double w = weights[passive.slot(k)];
                double a = w / (w - s[k]);
                if (first < 0 || a < alpha) {
                    alpha = a;
                    first = k;
                }
            }
        }
        if (first < 0) {
            for (int k = 0; k < n; k++) {
                weights[passive.slot(k)] = s[k];
            }
            return false;
        }
        for (int k = 0; k < n; k++) {
            int slot = passive.slot(k);
            weights[slot] = k == first ? 0 : weights[slot] + alpha * (s[k] - weights[slot]);
        }
        for (int k = n - 1; k >= 0; k--) {
            int slot = passive.slot(k);
            if (!(weights[slot] > 0)) {
                weights[slot] = 0;
                passive.remove(k);
            }
        }
        return true;
    }

    /** Removes the entrants (weight still 0) whose solution is not positive; returns whether there were any. */
    private boolean dropFailedEntrants(double[] s) {
        boolean dropped = false;
        for (int k = passive.size() - 1; k >= 0; k--) {
            int slot = passive.slot(k);
            if (weights[slot] == 0 && !(s[k] > 0)) {
                if (slot == loneEntrant) {
                    blocked.set(slot);
                }
                passive.remove(k);
                dropped = true;
            }
        }
        singleEntry |= dropped;
        return dropped;
    }

    /** {@code g_i = l1 - 2 c_i.z + 2 sum_p Q_ip w_p} for every member, from the Gram columns of the positive weights. */
    private void refreshGradient() {
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
     * Adds to P every member outside it with a gradient below {@code -tolerance}, the most negative
     * first (one Gram refresh for all of them instead of one each; a member that gets no positive
     * weight leaves again at the next step); returns false when there is none: the subproblem is
     * solved. A member that is numerically a combination of P is blocked instead.
     */
    private boolean enterViolators(double tolerance) {
        while (true) {
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (weights[i] == 0 && diagonal[i] > 0 && !blocked.get(i) && gradient[i] < -tolerance) {
                    entering[count++] = i;
                }
            }
            if (count == 0) {
                return false;
            }
            sortByGradient(entering, count);
            boolean entered = false;
            for (int m = 0; m < (singleEntry ? 1 : count); m++) {
                int slot = entering[m];
                if (passive.append(slot, gram.entries(), column(slot), PIVOT_FLOOR)) {
                    loneEntrant = singleEntry ? slot : -1;
                    entered = true;
                } else { // refused ones are blocked, so the next pass looks further
                    blocked.set(slot);
                    singular.set(slot);
                }
            }
            if (entered) {
                return true;
            }
        }
    }

    /** Insertion sort by increasing gradient, ties by slot (the lists are short). */
    private void sortByGradient(int[] order, int count) {
        for (int a = 1; a < count; a++) {
            int slot = order[a];
            int b = a;
            while (b > 0 && (gradient[order[b - 1]] > gradient[slot]
                    || gradient[order[b - 1]] == gradient[slot] && order[b - 1] > slot)) {
                order[b] = order[b - 1];
                b--;
            }
            order[b] = slot;
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
        passive.clear();
        factorValid = true;
        for (int i = 0; i < size && factorValid; i++) {
            factorValid = !(weights[i] > 0) || passive.append(i, gram.entries(), column(i), PIVOT_FLOOR);
        }
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
        entering = new int[capacity];
        gram.ensureCapacity(capacity);
    }
}
