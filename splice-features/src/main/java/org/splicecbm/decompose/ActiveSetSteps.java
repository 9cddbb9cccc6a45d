package org.splicecbm.decompose;

import java.util.BitSet;

/**
 * Lawson–Hanson active-set steps (Lawson and Hanson, "Solving Least Squares Problems", 1974, ch. 23) on a
 * {@link WorkingSetProblem}: the weights of the passive set P (the positive ones) solve
 * {@code Q_PP w_P = C_P z - l1/2} exactly, through a Cholesky factor that is updated, not recomputed, as P
 * changes ({@link PassiveSetFactor}); a weight that would turn negative stops the step at zero and leaves P;
 * violators enter P. Measured at c = 10,000, l1 = 0.05: 97 steps per image where coordinate descent took 272
 * sweeps and ~74 full support factorizations.
 */
final class ActiveSetSteps {
    private static final double PIVOT_FLOOR = 1e-10;

    private final WorkingSetProblem problem;
    /** The Cholesky factor of P's Gram block, while {@code factorValid}. */
    private final PassiveSetFactor passive = new PassiveSetFactor();
    /** False after coordinate descent moved the weights and the factor of its support could not be built. */
    private boolean factorValid = true;
    /** Slots that may not enter P again during the current solve (no positive weight, or a singular pivot). */
    private final BitSet blocked = new BitSet();
    /** The blocked slots refused for a singular pivot. */
    private final BitSet singular = new BitSet();
    /** The violators of one step, most negative gradient first. */
    private int[] entering = new int[0];
    /** Whether the current solve enters one member per step (after a joint entry failed). */
    private boolean singleEntry;
    /** The member entered alone by the last step in single-entry mode (-1: none). */
    private int loneEntrant = -1;
    private long steps;
    // the problem's arrays during one solve (the set does not grow while it is solved)
    private int size;
    private double[] weights;
    private double[] gradient;
    private double[] diagonal;
    private double[] targetCorrelation;

    ActiveSetSteps(WorkingSetProblem problem) {
        this.problem = problem;
    }

    long steps() {
        return steps;
    }

    /**
     * Steps from the current weights until no member outside P has a gradient below {@code -tolerance};
     * returns false when the caller must fall back: no valid factor, the step cap, or a violator that cannot
     * enter.
     */
    boolean solve(double tolerance, int maxSteps) {
        if (!factorValid) {
            return false;
        }
        view();
        blocked.clear();
        singular.clear();
        singleEntry = false;
        loneEntrant = -1;
        for (int step = 0; step < maxSteps; step++) {
            steps++;
            if (stepToPassiveSolution()) {
                continue; // a weight reached zero and left P: solve again on the smaller set
            }
            problem.refreshGradient();
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
        double[] s = passive.stationaryWeights(targetCorrelation, problem.l1());
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
                if (passive.append(slot, problem.gramEntries(), problem.column(slot), PIVOT_FLOOR)) {
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

    /** After coordinate descent: the factor of its positive weights (invalid if their Gram block is singular). */
    void rebuildFactor() {
        view();
        passive.clear();
        factorValid = true;
        for (int i = 0; i < size && factorValid; i++) {
            factorValid = !(weights[i] > 0) || passive.append(i, problem.gramEntries(), problem.column(i), PIVOT_FLOOR);
        }
    }

    /** Renames the factor's slots after the working set was compacted ({@code newSlot[old]}). */
    void remap(int[] newSlot) {
        passive.remap(newSlot);
    }

    private void view() {
        size = problem.size();
        weights = problem.weights();
        gradient = problem.gradients();
        diagonal = problem.diagonal();
        targetCorrelation = problem.targetCorrelations();
        if (entering.length < size) {
            entering = new int[weights.length];
        }
    }
}
