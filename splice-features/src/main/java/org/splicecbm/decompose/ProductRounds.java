package org.splicecbm.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The working-set rounds driven by engine products: each round multiplies the residuals of all
 * unconverged rows of a chunk with the whole dictionary ({@code R C^T}, {@link DictionaryCorrelator})
 * and gives every row its correlations. Used when the Gram matrix does not fit its memory budget.
 */
final class ProductRounds {
    private final DictionaryCorrelator correlator;
    private final ForkJoinPool pool;
    private final SolverOptions options;
    private final int concepts;
    private final int dim;

    ProductRounds(DictionaryCorrelator correlator, ForkJoinPool pool, SolverOptions options, int concepts, int dim) {
        this.correlator = correlator;
        this.pool = pool;
        this.options = options;
        this.concepts = concepts;
        this.dim = dim;
    }

    /**
     * Runs rows {@code [start, end)} until each converges; returns the unconverged rows (empty when
     * all converged within {@code maxOuterIterations} rounds). Adds product rows and times to {@code cost}.
     */
    List<Integer> run(RowSolve[] rows, int start, int end, ChunkCost cost) {
        List<Integer> active = new ArrayList<>();
        for (int i = start; i < end; i++) {
            active.add(i);
        }
        for (int round = 1; !active.isEmpty() && round <= options.maxOuterIterations(); round++) {
            int count = active.size();
            float[] residuals = new float[count * dim];
            for (int k = 0; k < count; k++) {
                rows[active.get(k)].residualInto(residuals, k * dim);
            }
            long t0 = System.nanoTime();
            float[] corr = correlator.correlate(residuals, count);
            long t1 = System.nanoTime();
            List<Integer> current = active;
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(k -> {
                RowSolve row = rows[current.get(k)];
                row.round(corr, k * concepts, row.productError(), options.relativeGapTolerance(),
                        options.initialWorkingSet());
            })).join();
            cost.add(count, t1 - t0, System.nanoTime() - t1);
            List<Integer> next = new ArrayList<>();
            for (int i : active) {
                if (!rows[i].converged()) {
                    next.add(i);
                }
            }
            active = next;
        }
        return active;
    }
}
