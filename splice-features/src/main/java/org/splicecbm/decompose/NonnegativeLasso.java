package org.splicecbm.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.splicecbm.concepts.InputChecks;

/**
 * Exact batched solver of SpLiCE's decomposition problem (Bhalla et al., NeurIPS 2024, eq. 3),
 * {@code w* = argmin_{w >= 0} ||C^T w - z||^2 + l1 ||w||_1}, for many targets z and one dictionary C
 * (c x d, rows = concepts), at one l1 or along a path of l1 values.
 *
 * <p>A working-set method in the spirit of Celer and Blitz. Per chunk of targets the engine computes
 * {@code C z} for all of them in one float32 product ({@link DictionaryCorrelator}). When the Gram
 * matrix {@code G = C C^T} fits {@link SolverOptions#gramBudgetBytes} it is computed once per solver
 * and every later round of a row gets its correlations {@code C r = C z - G_{:,S} w_S} from it
 * ({@link GramRounds}): about one dictionary pass per image, and no pass at all for further l1 values.
 * Otherwise each round multiplies the residuals of unconverged rows with the dictionary
 * ({@link ProductRounds}). Either way the per-row work is exact double precision on a few dozen
 * concepts ({@link RowSolve}, {@link WorkingSetProblem}) and a row stops only when its duality gap
 * ({@link DualGap}), built from the exact maximum correlation, is at most {@code relativeGapTolerance}
 * times its objective: the answer is certified, not "iterated enough". Results are bit-identical for
 * the same input and settings and independent of the thread count.
 *
 * <p>Construct once per dictionary (it is copied, and kept on the engine) and close it when done.
 * Calls are serialised; each uses {@code threads} Java threads plus the engine's own, and holds up to
 * {@link SolverOptions#productBlockRows} x c floats of correlations (at most 128 MB) at a time, plus the
 * Gram matrix when used.
 */
public final class NonnegativeLasso implements AutoCloseable {
    private static final int CHUNK_FLOATS = 1 << 25;

    private final ConceptRows concepts;
    private final SolverOptions options;
    private final DictionaryCorrelator correlator;
    private final ForkJoinPool pool;
    private final boolean useGram;
    private GramRounds gramRounds;
    /** A row's target and refreshed correlations (c floats each), arrays per worker thread rather than per row. */
    private final ThreadLocal<float[]> targetCorrelations;
    private final ThreadLocal<float[]> scratchCorrelations;

    /** @param dictionary c x d concept rows (copied); must be finite and rectangular */
    public NonnegativeLasso(float[][] dictionary, SolverOptions options) {
        InputChecks.requireMatrix("dictionary", dictionary, -1);
        this.concepts = ConceptRows.of(dictionary);
        this.options = options;
        this.correlator = new DictionaryCorrelator(concepts.rows(), options.productBlockRows());
        this.pool = new ForkJoinPool(options.threads());
        this.useGram = GramMatrix.bytesFor(concepts.count()) <= options.gramBudgetBytes();
        this.targetCorrelations = ThreadLocal.withInitial(() -> new float[concepts.count()]);
        this.scratchCorrelations = ThreadLocal.withInitial(() -> new float[concepts.count()]);
    }

    public int concepts() {
        return concepts.count();
    }

    public int dimension() {
        return concepts.dimension();
    }

    /**
     * Whether this solver works from the precomputed Gram matrix (2 c^2 bytes within
     * {@link SolverOptions#gramBudgetBytes}); it is built on the first solve and kept.
     */
    public boolean usesGramMatrix() {
        return useGram;
    }

    /**
     * Solves every row of {@code targets} (N x d, used as given: no normalisation) with penalty l1 >= 0.
     *
     * @throws IllegalArgumentException for a wrong width, NaN/Inf (naming the row) or bad l1
     * @throws IllegalStateException    if a row does not converge within maxOuterIterations rounds
     */
    public synchronized LassoResult solve(float[][] targets, double l1) {
        return solvePath(targets, List.of(l1)).get(0);
    }

    /**
     * Solves every row of {@code targets} at each penalty of {@code l1Values}; returns one result per
     * value, in the given order, each certified like {@link #solve}. The values are solved from the
     * largest down, each row warm-started from its solution at the previous (larger) value, and with
     * the Gram matrix all of them share one dictionary pass per row.
     *
     * @throws IllegalArgumentException for an empty list, a bad l1, a wrong width or NaN/Inf
     * @throws IllegalStateException    if a row does not converge within maxOuterIterations rounds
     */
    public synchronized List<LassoResult> solvePath(float[][] targets, List<Double> l1Values) {
        Integer[] order = L1Path.descendingOrder(l1Values);
        InputChecks.requireMatrix("targets", targets, dimension());
        int n = targets.length;
        double[] penalties = new double[order.length];
        for (int step = 0; step < order.length; step++) {
            penalties[step] = l1Values.get(order[step]);
        }
        RowSolution[][] solutions = new RowSolution[order.length][n];
        ChunkCost[] costs = new ChunkCost[order.length];
        for (int step = 0; step < order.length; step++) {
            costs[step] = new ChunkCost();
        }
        int chunk = chunkRows();
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            if (useGram) {
                solveChunkWithGram(targets, penalties, solutions, start, end, costs[0]);
            } else {
                solveChunkWithProducts(targets, penalties, solutions, start, end, costs);
            }
        }
        List<LassoResult> results = new ArrayList<>(java.util.Collections.nCopies(order.length, null));
        for (int step = 0; step < order.length; step++) {
            results.set(order[step], SolutionAssembly.assemble(solutions[step], step == 0 ? null : solutions[step - 1],
                    concepts.count(), costs[step], useGram));
        }
        return results;
    }

    /** Each step's rounds multiply the residuals of the unconverged rows with the dictionary. */
    private void solveChunkWithProducts(float[][] targets, double[] penalties, RowSolution[][] solutions,
                                        int start, int end, ChunkCost[] costs) {
        ProductRounds rounds = new ProductRounds(correlator, pool, options, concepts(), dimension());
        RowSolve[] rows = new RowSolve[targets.length];
        for (int step = 0; step < penalties.length; step++) {
            for (int i = start; i < end; i++) {
                if (step == 0) {
                    rows[i] = new RowSolve(concepts, targets[i], penalties[0], CandidatePool.FOR_PRODUCTS);
                } else {
                    rows[i].continueAt(penalties[step]);
                }
            }
            List<Integer> left = rounds.run(rows, start, end, costs[step]);
            if (!left.isEmpty()) {
                throw notConverged(rows, left);
            }
            for (int i = start; i < end; i++) {
                solutions[step][i] = RowSolution.of(rows[i]);
            }
        }
    }

    /** One product {@code C z} for the chunk, then every row walks the whole path on Gram information. */
    private void solveChunkWithGram(float[][] targets, double[] penalties, RowSolution[][] solutions,
                                    int start, int end, ChunkCost cost) {
        GramRounds gram = gramRounds();
        int count = end - start;
        int dim = dimension();
        float[] block = new float[count * dim];
        for (int i = start; i < end; i++) {
            System.arraycopy(targets[i], 0, block, (i - start) * dim, dim);
        }
        long t0 = System.nanoTime();
        RowSolve[] rows = new RowSolve[targets.length];
        try (CorrelationBlock targetCorr = correlator.block(block, count)) {
            long t1 = System.nanoTime();
            pool.submit(() -> IntStream.range(start, end).parallel().forEach(i -> {
                float[] rowCorr = targetCorrelations.get();
                targetCorr.copyRow(i - start, rowCorr);
                float[] scratch = scratchCorrelations.get();
                rows[i] = new RowSolve(concepts, targets[i], penalties[0], CandidatePool.FOR_GRAM);
                for (int step = 0; step < penalties.length; step++) {
                    if (step > 0) {
                        rows[i].continueAt(penalties[step]);
                    }
                    gram.run(rows[i], rowCorr, 0, scratch);
                    if (!rows[i].converged()) {
                        return; // reported below, in the caller's thread
                    }
                    solutions[step][i] = RowSolution.of(rows[i]);
                }
            })).join();
            cost.add(count, t1 - t0, System.nanoTime() - t1);
        }
        List<Integer> left = new ArrayList<>();
        for (int i = start; i < end; i++) {
            if (!rows[i].converged()) {
                left.add(i);
            }
        }
        if (!left.isEmpty()) {
            throw notConverged(rows, left);
        }
    }

    /**
     * Rows solved per engine product: {@link SolverOptions#productBlockRows}, but at most 128 MB of
     * correlations (the full laion vocabulary gets 896-row chunks); results do not depend on it.
     */
    private int chunkRows() {
        int byMemory = Math.max(DictionaryCorrelator.ROW_GRANULE, CHUNK_FLOATS / concepts());
        return Math.min(options.productBlockRows(), byMemory);
    }

    private GramRounds gramRounds() {
        if (gramRounds == null) {
            GramMatrix gram = GramMatrix.compute(concepts, correlator, options.productBlockRows());
            gramRounds = new GramRounds(new GramCorrelations(concepts, gram), options);
        }
        return gramRounds;
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
