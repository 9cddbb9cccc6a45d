package org.splicecbm.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.splicecbm.concepts.InputChecks;

/**
 * Exact batched solver of SpLiCE's decomposition problem (Bhalla et al., NeurIPS 2024, eq. 3),
 * {@code w* = argmin_{w >= 0} ||C^T w - z||^2 + l1 ||w||_1}, for many targets z and one dictionary C
 * (c x d, rows = concepts).
 *
 * <p>A working-set method in the spirit of Celer and Blitz: the big products {@code R C^T} of all
 * unconverged residuals with the dictionary run batched in float32 on the engine
 * ({@link DictionaryCorrelator}); everything else, per row and in parallel, is double-precision work
 * on a few dozen concepts ({@link RowSolve}, {@link WorkingSetProblem}). A row stops when its duality
 * gap ({@link DualGap}) is at most {@code relativeGapTolerance} times its objective, so the answer is
 * certified optimal, not "iterated enough". Results are deterministic and independent of thread count
 * and batching.
 *
 * <p>Construct once per dictionary (it is copied, and kept on the engine) and close it when done.
 * Calls to {@link #solve} are serialised; each uses {@code threads} Java threads plus the engine's
 * own, and holds up to 1024 x c floats of correlations at a time.
 */
public final class NonnegativeLasso implements AutoCloseable {
    private static final int ROWS_PER_CHUNK = 1024;

    private final ConceptRows concepts;
    private final SolverOptions options;
    private final DictionaryCorrelator correlator;
    private final ForkJoinPool pool;

    /** @param dictionary c x d concept rows (copied); must be finite and rectangular */
    public NonnegativeLasso(float[][] dictionary, SolverOptions options) {
        InputChecks.requireMatrix("dictionary", dictionary, -1);
        this.concepts = ConceptRows.of(dictionary);
        this.options = options;
        this.correlator = new DictionaryCorrelator(concepts.rows(), options.productBlockRows());
        this.pool = new ForkJoinPool(options.threads());
    }

    public int concepts() {
        return concepts.count();
    }

    public int dimension() {
        return concepts.dimension();
    }

    /**
     * Solves every row of {@code targets} (N x d, used as given: no normalisation) with penalty l1 >= 0.
     *
     * @throws IllegalArgumentException for a wrong width, NaN/Inf (naming the row) or bad l1
     * @throws IllegalStateException    if a row does not converge within maxOuterIterations rounds
     */
    public synchronized LassoResult solve(float[][] targets, double l1) {
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 penalty must be finite and >= 0, found " + l1);
        }
        InputChecks.requireMatrix("targets", targets, dimension());
        int n = targets.length;
        RowSolve[] rows = new RowSolve[n];
        long[] nanos = new long[2];
        long productRows = 0;
        for (int start = 0; start < n; start += ROWS_PER_CHUNK) {
            int end = Math.min(n, start + ROWS_PER_CHUNK);
            for (int i = start; i < end; i++) {
                rows[i] = new RowSolve(concepts, targets[i], l1);
            }
            productRows += solveChunk(rows, start, end, nanos);
        }
        return SolutionAssembly.assemble(rows, concepts.count(), productRows, nanos);
    }

    private long solveChunk(RowSolve[] rows, int start, int end, long[] nanos) {
        List<Integer> active = new ArrayList<>();
        for (int i = start; i < end; i++) {
            active.add(i);
        }
        int dim = dimension();
        int concepts = concepts();
        long productRows = 0;
        for (int round = 1; !active.isEmpty(); round++) {
            if (round > options.maxOuterIterations()) {
                throw notConverged(rows, active);
            }
            int count = active.size();
            float[] residuals = new float[count * dim];
            for (int k = 0; k < count; k++) {
                rows[active.get(k)].residualInto(residuals, k * dim);
            }
            long t0 = System.nanoTime();
            float[] corr = correlator.correlate(residuals, count);
            long t1 = System.nanoTime();
            List<Integer> current = active;
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(k -> rows[current.get(k)]
                    .round(corr, k * concepts, options.relativeGapTolerance(), options.initialWorkingSet())))
                    .join();
            nanos[0] += t1 - t0;
            nanos[1] += System.nanoTime() - t1;
            productRows += count;
            List<Integer> next = new ArrayList<>();
            for (int i : active) {
                if (!rows[i].converged()) {
                    next.add(i);
                }
            }
            active = next;
        }
        return productRows;
    }

    private IllegalStateException notConverged(RowSolve[] rows, List<Integer> active) {
        int row = active.get(0);
        return new IllegalStateException(active.size() + " target rows did not reach relative duality gap "
                + options.relativeGapTolerance() + " within " + options.maxOuterIterations()
                + " working-set rounds; first is row " + row + " (objective " + rows[row].objective()
                + ", gap " + rows[row].gap() + "). Raise maxOuterIterations or the gap tolerance.");
    }

    @Override
    public void close() {
        pool.shutdown();
        correlator.close();
    }
}
