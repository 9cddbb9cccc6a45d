package org.splicecbm.decompose;

/**
 * Settings of {@link NonnegativeLasso}.
 *
 * @param relativeGapTolerance stop a row when its duality gap is at most this times its objective
 *                             (default 1e-7; a gap below 1e-14 ||z||^2, at double-precision
 *                             resolution, also stops it); must be in (0, 1)
 * @param maxOuterIterations   safety bound on working-set rounds per row (each round refreshes the
 *                             row's correlations with every concept); exceeding it is an error, not a
 *                             silent stop (default 100)
 * @param threads              Java threads for the per-row work (default: available processors)
 * @param initialWorkingSet    concepts a row's working set starts with, its most correlated ones
 *                             (default 16); later ones enter as KKT violators
 * @param productBlockRows     rows per engine product, and per chunk the rows are solved in (default
 *                             2048, measured +3 % over 1024 at c = 10,000; larger products run faster,
 *                             up to memory: a chunk holds rows x c floats, 80 MB at the defaults,
 *                             and is cut to 128 MB for large vocabularies)
 * @param gramBudgetBytes      largest Gram matrix {@code C C^T} (2 c^2 bytes, 16-bit fixed point) the
 *                             solver may build and keep; within it, rounds after a row's first product
 *                             use the Gram matrix instead of further dictionary products (default 1 GiB:
 *                             up to 23,170 concepts; 0 never builds it)
 */
public record SolverOptions(double relativeGapTolerance, int maxOuterIterations, int threads,
                            int initialWorkingSet, int productBlockRows, long gramBudgetBytes) {
    /** Default Gram budget: 1 GiB, i.e. Gram matrices of up to 23,170 concepts. */
    public static final long DEFAULT_GRAM_BUDGET_BYTES = 1L << 30;

    public SolverOptions {
        if (!(relativeGapTolerance > 0 && relativeGapTolerance < 1)) {
            throw new IllegalArgumentException("relativeGapTolerance must be in (0, 1), found "
                    + relativeGapTolerance + "; 1e-7 is the default");
        }
        requirePositive("maxOuterIterations", maxOuterIterations);
        requirePositive("threads", threads);
        requirePositive("initialWorkingSet", initialWorkingSet);
        requirePositive("productBlockRows", productBlockRows);
        if (gramBudgetBytes < 0) {
            throw new IllegalArgumentException("gramBudgetBytes must be >= 0 (0 = never build the Gram matrix), found "
                    + gramBudgetBytes);
        }
    }

    /** Defaults: gap 1e-7, 100 rounds, all processors, 16 initial concepts, 2048-row products, 1 GiB Gram budget. */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-7, 100, Runtime.getRuntime().availableProcessors(), 16, 2048,
                DEFAULT_GRAM_BUDGET_BYTES);
    }

    public SolverOptions withThreads(int count) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, count, initialWorkingSet, productBlockRows,
                gramBudgetBytes);
    }

    public SolverOptions withRelativeGapTolerance(double tolerance) {
        return new SolverOptions(tolerance, maxOuterIterations, threads, initialWorkingSet, productBlockRows,
                gramBudgetBytes);
    }

    public SolverOptions withInitialWorkingSet(int size) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, threads, size, productBlockRows,
                gramBudgetBytes);
    }

    public SolverOptions withProductBlockRows(int rows) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, threads, initialWorkingSet, rows,
                gramBudgetBytes);
    }

    /** The Gram budget in bytes (0: always multiply residuals with the dictionary instead). */
    public SolverOptions withGramBudgetBytes(long bytes) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, threads, initialWorkingSet, productBlockRows,
                bytes);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, found " + value);
        }
    }
}
