package org.splicecbm.decompose;

/**
 * Settings of {@link NonnegativeLasso}.
 *
 * @param relativeGapTolerance stop a row when its duality gap is at most this times its objective
 *                             (default 1e-7; a gap below 1e-14 ||z||^2, at double-precision
 *                             resolution, also stops it); must be in (0, 1)
 * @param maxOuterIterations   safety bound on working-set rounds (each round is one dictionary
 *                             product per unconverged row); exceeding it is an error, not a silent
 *                             stop (default 100)
 * @param threads              Java threads for the per-row work (default: available processors)
 * @param initialWorkingSet    concepts a row's working set starts with, its most correlated ones
 *                             (default 16); later ones enter as KKT violators
 * @param productBlockRows     most rows per engine product (default 1024; larger products run
 *                             faster, up to memory: a product holds rows x c floats)
 */
public record SolverOptions(double relativeGapTolerance, int maxOuterIterations, int threads,
                            int initialWorkingSet, int productBlockRows) {

    public SolverOptions {
        if (!(relativeGapTolerance > 0 && relativeGapTolerance < 1)) {
            throw new IllegalArgumentException("relativeGapTolerance must be in (0, 1), found "
                    + relativeGapTolerance + "; 1e-7 is the default");
        }
        requirePositive("maxOuterIterations", maxOuterIterations);
        requirePositive("threads", threads);
        requirePositive("initialWorkingSet", initialWorkingSet);
        requirePositive("productBlockRows", productBlockRows);
    }

    /** Defaults: gap 1e-7, 100 rounds, all processors, 32 initial concepts, 64-row products. */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-7, 100, Runtime.getRuntime().availableProcessors(), 16, 1024);
    }

    public SolverOptions withThreads(int count) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, count, initialWorkingSet, productBlockRows);
    }

    public SolverOptions withRelativeGapTolerance(double tolerance) {
        return new SolverOptions(tolerance, maxOuterIterations, threads, initialWorkingSet, productBlockRows);
    }

    public SolverOptions withInitialWorkingSet(int size) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, threads, size, productBlockRows);
    }

    public SolverOptions withProductBlockRows(int rows) {
        return new SolverOptions(relativeGapTolerance, maxOuterIterations, threads, initialWorkingSet, rows);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, found " + value);
        }
    }
}
