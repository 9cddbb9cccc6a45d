package org.splicecbm.decompose;

import org.splicecbm.concepts.DictionaryMath;

/**
 * The working-set loop for one target z (one row of a batch). Each round gets the float32
 * correlations {@code C r} of its residual with every concept, with a bound on their error: from a
 * batched engine product ({@link ProductRounds}), or from {@code C z} and the Gram matrix
 * ({@link GramRounds}); and:
 * <ol>
 *   <li>recomputes in double the few correlations the float32 error bound cannot rule out as the
 *       maximum, and from the exact maximum builds a feasible dual point and the duality gap
 *       ({@link DualGap}); the row stops if the gap is small enough relative to the objective;</li>
 *   <li>otherwise takes the concepts that may violate the KKT condition {@code 2 c_j . r <= l1}
 *       (the most correlated ones, up to {@link CandidatePool#size()}) as a candidate pool, and alternates
 *       solving on the working set with exact KKT checks over the pool, adding the worst violators,
 *       until the pool has none: a round's product is thus used to the full before the next;</li>
 *   <li>while few concepts (at most {@value #MOVED_CHECK_CAP}) can have been pushed over {@code l1/2} by
 *       the residual's move since the round's correlations, gets their exact correlations
 *       ({@link MovedResidualCheck}): they certify the new solution, or are the next pool, with no
 *       refresh; measured at c = 10,000: 2.0 instead of 2.65 refreshes per image.</li>
 * </ol>
 * A round depends only on this row's data, so results do not depend on threads or batching. Along
 * an l1 path the row continues at the next penalty from where it stopped ({@link #continueAt}).
 */
final class RowSolve {
    private static final double INITIAL_INNER_TOLERANCE = 1e-11;
    private static final double FLOOR_INNER_TOLERANCE = 1e-15;
    private static final int MAX_SUBPROBLEM_STEPS = 20_000;
    private static final int MAX_CHECKS = 1000;
    /** Most concepts a round checks exactly instead of refreshing all c correlations (measured, see benchmarks/solver.md). */
    private static final int MOVED_CHECK_CAP = 64;
    private static final SolverKernels KERNELS = SolverKernels.BEST;
    /**
     * Gaps below this fraction of {@code ||z||^2} (the objective of w = 0) are at double-precision
     * resolution and count as converged; only matters for targets fitted almost exactly (l1 = 0).
     */
    private static final double ABSOLUTE_GAP_FLOOR = 1e-14;

    private final ConceptRows concepts;
    private final CandidatePool candidates;
    private final double[] target;
    private double l1;
    private final WorkingSetProblem problem;
    private final MovedResidualCheck moved;
    private double scale;
    private final double targetEnergy;
    private final double targetNorm;
    private double innerTolerance;
    private double[] residual;
    private double residualNorm;
    private double objective;
    private double gap;
    private boolean converged;
    private boolean certifiedWithoutProduct;
    private int rounds;
    private long exactDots;
    private long gramUpdates;
    private long gramColumns;

    RowSolve(ConceptRows concepts, float[] target, double l1, CandidatePool candidates) {
        this.concepts = concepts;
        this.candidates = candidates;
        this.target = DictionaryMath.widen(target);
        this.l1 = l1;
        this.problem = new WorkingSetProblem(concepts.rows(), concepts.squaredNorms(), this.target, l1);
        this.moved = new MovedResidualCheck(concepts, MOVED_CHECK_CAP);
        this.residual = this.target.clone();
        this.residualNorm = Math.sqrt(DictionaryMath.dot(residual, residual));
        this.targetNorm = residualNorm;
        this.scale = l1 + 2 * residualNorm;
        this.targetEnergy = residualNorm * residualNorm;
        this.innerTolerance = INITIAL_INNER_TOLERANCE * scale;
    }

    /**
     * Continues from this row's current solution at another penalty (the next step of an l1 path):
     * the working set, its Gram block and the weights carry over, the certificate starts afresh.
     */
    void continueAt(double newL1) {
        l1 = newL1;
        problem.changePenalty(newL1);
        scale = newL1 + 2 * targetNorm;
        innerTolerance = INITIAL_INNER_TOLERANCE * scale;
        converged = false;
        certifiedWithoutProduct = false;
        rounds = 0;
    }

    /** {@code ||z||} of this row's target. */
    double targetNorm() {
        return targetNorm;
    }

    /** The float32 error bound of an engine product of this row's residual with the dictionary. */
    double productError() {
        return concepts.floatErrorPerResidualNorm() * residualNorm;
    }

    /** The residual to correlate with the dictionary in the next round, as float32. */
    void residualInto(float[] out, int offset) {
        for (int k = 0; k < residual.length; k++) {
            out[offset + k] = (float) residual[k];
        }
    }

    /**
     * One round, given this row's float32 correlations {@code corr[offset .. offset + c)} with its
     * current residual, each within {@code error} of the exact value.
     */
    void round(float[] corr, int offset, double error, double relativeGapTolerance, int initialWorkingSet) {
        rounds++;
        objective = DictionaryMath.dot(residual, residual) + l1 * problem.weightSum();
        CorrelationScan scan = CorrelationScan.of(corr, offset, concepts.count(), l1 / 2 - error);
        gap = DualGap.of(target, residual, objective, l1, 2 * exactMaxCorrelation(scan, error), scale);
        if (certifies(gap, objective, relativeGapTolerance)) {
            converged = true;
            return;
        }
        int[] pool = scan.topAbove(candidates.size(), problem);
        if (pool.length == 0) {
            // every possible violator is in the working set already: solve the subproblem tighter
            innerTolerance = Math.max(innerTolerance * 1e-3, FLOOR_INNER_TOLERANCE * scale);
        }
        problem.pruneZeroWeights();
        int seed = Math.min(pool.length, problem.size() == 0 ? initialWorkingSet : candidates.addedPerCheck());
        addToWorkingSet(pool, seed);
        double[] roundStart = residual.clone(); // the residual is updated in place from here on
        solveAgainstPool(pool);
        continueWithoutRefresh(scan, roundStart, error, relativeGapTolerance);
    }

    /**
     * Certifies the new solution, or finds its next violators and solves again, from exact
     * correlations of the few concepts the moved residual may have pushed over l1/2
     * ({@link MovedResidualCheck}); stops when the row converges or those concepts become too many,
     * then the next round refreshes the correlations.
     */
    private void continueWithoutRefresh(CorrelationScan scan, double[] roundStart, double error,
                                        double relativeGapTolerance) {
        for (int step = 0; step < MAX_CHECKS; step++) {
            MovedResidualCheck.Exact exact = moved.check(scan, problem, roundStart, residual, error, l1 / 2);
            if (exact == null) {
                return;
            }
            double candidateObjective = DictionaryMath.dot(residual, residual) + l1 * problem.weightSum();
            double candidateGap = DualGap.of(target, residual, candidateObjective, l1, 2 * exact.max(), scale);
            if (certifies(candidateGap, candidateObjective, relativeGapTolerance)) {
                objective = candidateObjective;
                gap = candidateGap;
                converged = true;
                certifiedWithoutProduct = true;
                return;
            }
            int[] positions = exact.violators(candidates.size(), innerTolerance);
            if (positions.length == 0) {
                return; // not optimal, yet no violator: a fresh round decides (and tightens the subproblem)
            }
            problem.pruneZeroWeights();
            int[] pool = new int[positions.length];
            double[] poolCorrelations = new double[positions.length];
            for (int m = 0; m < positions.length; m++) {
                pool[m] = exact.ids()[positions[m]];
                poolCorrelations[m] = exact.values()[positions[m]];
            }
            problem.add(pool, poolCorrelations, Math.min(pool.length, candidates.addedPerCheck()));
            solveAgainstPool(pool);
        }
    }

    /** Whether a duality gap is small enough: relative to the objective, or at double resolution of {@code ||z||^2}. */
    private boolean certifies(double gap, double objective, double relativeGapTolerance) {
        return gap <= relativeGapTolerance * objective || gap <= ABSOLUTE_GAP_FLOOR * targetEnergy;
    }

    /** {@code out[m] = c_j . r} for the first {@code count} concepts j of {@code ids}, the current residual r. */
    private void exactCorrelations(int[] ids, int count, double[] out) {
        KERNELS.dots(concepts.rows(), ids, count, residual, out);
        exactDots += count;
    }

    /** The exact {@code max_j c_j . r}: only concepts within twice the float error of the float maximum can hold it. */
    private double exactMaxCorrelation(CorrelationScan scan, double error) {
        int[] near = scan.nearMax(2 * error).indices();
        double[] exact = new double[near.length];
        exactCorrelations(near, near.length, exact);
        double exactMax = Double.NEGATIVE_INFINITY;
        for (double value : exact) {
            exactMax = Math.max(exactMax, value);
        }
        return exactMax;
    }

    /** Adds the first {@code count} concepts of {@code pool} with their exact correlations with the residual. */
    private void addToWorkingSet(int[] pool, int count) {
        double[] correlations = new double[count];
        exactCorrelations(pool, count, correlations);
        problem.add(pool, correlations, count);
    }

    /**
     * Solve, check the pool exactly, add the worst violators, repeat until the pool has none.
     */
    private void solveAgainstPool(int[] pool) {
        int[] outsidePool = new int[pool.length];
        double[] poolCorrelations = new double[pool.length];
        int[] violators = new int[candidates.addedPerCheck()];
        double[] violation = new double[candidates.addedPerCheck()];
        for (int check = 0; check < MAX_CHECKS; check++) {
            problem.solve(innerTolerance, MAX_SUBPROBLEM_STEPS);
            problem.residualInto(residual);
            int found = 0;
            int outside = 0;
            for (int j : pool) {
                if (!problem.contains(j)) {
                    outsidePool[outside++] = j;
                }
            }
            exactCorrelations(outsidePool, outside, poolCorrelations);
            for (int m = 0; m < outside; m++) {
                double correlation = poolCorrelations[m];
                if (l1 - 2 * correlation < -innerTolerance) {
                    found = insertWorst(violators, violation, found, outsidePool[m], -correlation);
                }
            }
            if (found == 0) {
                break;
            }
            problem.pruneZeroWeights();
            for (int m = 0; m < found; m++) {
                violation[m] = -violation[m]; // now the correlations
            }
            problem.add(violators, violation, found);
        }
        residualNorm = Math.sqrt(DictionaryMath.dot(residual, residual));
    }

    /** Keeps the most negative values (negated correlations) in increasing order (ties: the earlier pool entry). */
    private static int insertWorst(int[] ids, double[] values, int count, int id, double value) {
        int limit = ids.length;
        if (count == limit && value >= values[limit - 1]) {
            return count;
        }
        int pos = count == limit ? limit - 1 : count++;
        while (pos > 0 && values[pos - 1] > value) {
            ids[pos] = ids[pos - 1];
            values[pos] = values[pos - 1];
            pos--;
        }
        ids[pos] = id;
        values[pos] = value;
        return count;
    }

    /** Counts one refresh of the correlations from Gram rows (one row per positive weight). */
    void countGramUpdate() {
        gramUpdates++;
        for (int i = 0; i < problem.size(); i++) {
            gramColumns += problem.weight(i) > 0 ? 1 : 0;
        }
    }

    long gramUpdates() {
        return gramUpdates;
    }

    long gramColumns() {
        return gramColumns;
    }

    boolean converged() {
        return converged;
    }

    boolean certifiedWithoutProduct() {
        return certifiedWithoutProduct;
    }

    double objective() {
        return objective;
    }

    double gap() {
        return gap;
    }

    int rounds() {
        return rounds;
    }

    long exactDots() {
        return exactDots + problem.exactDots() + moved.exactDots();
    }

    WorkingSetProblem problem() {
        return problem;
    }
}
