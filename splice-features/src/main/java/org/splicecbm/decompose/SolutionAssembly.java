package org.splicecbm.decompose;

import org.splicecbm.store.CsrMatrix;

/** Gathers per-row solutions into a {@link LassoResult}: CSR weights with sorted columns, and stats. */
final class SolutionAssembly {
    private SolutionAssembly() {}

    /**
     * @param previous the same rows' solutions at the previous step of an l1 path (their counters are
     *                 subtracted, as counters accumulate along the path), or null
     */
    static LassoResult assemble(RowSolution[] rows, RowSolution[] previous, int concepts, ChunkCost cost,
                                boolean gramMatrix) {
        int n = rows.length;
        long[] indptr = new long[n + 1];
        double[] objective = new double[n];
        double[] gap = new double[n];
        long exactDots = 0;
        long steps = 0;
        long workingSetTotal = 0;
        long gramUpdates = 0;
        long gramRows = 0;
        int maxRounds = 0;
        int certified = 0;
        for (int i = 0; i < n; i++) {
            RowSolution row = rows[i];
            RowSolution before = previous == null ? null : previous[i];
            indptr[i + 1] = indptr[i] + row.columns().length;
            objective[i] = row.objective();
            gap[i] = row.gap();
            exactDots += row.exactDots() - (before == null ? 0 : before.exactDots());
            steps += row.steps() - (before == null ? 0 : before.steps());
            gramUpdates += row.gramUpdates() - (before == null ? 0 : before.gramUpdates());
            gramRows += row.gramRows() - (before == null ? 0 : before.gramRows());
            workingSetTotal += row.workingSetSize();
            maxRounds = Math.max(maxRounds, row.rounds());
            certified += row.certifiedWithoutProduct() ? 1 : 0;
        }
        int nnz = (int) indptr[n];
        float[] data = new float[nnz];
        int[] indices = new int[nnz];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i].values(), 0, data, (int) indptr[i], rows[i].values().length);
            System.arraycopy(rows[i].columns(), 0, indices, (int) indptr[i], rows[i].columns().length);
        }
        SolveStats stats = new SolveStats(n, cost.productRows, maxRounds, exactDots, steps,
                n == 0 ? 0 : (double) workingSetTotal / n, cost.productNanos, cost.rowNanos, certified,
                gramMatrix, gramUpdates, gramRows);
        return new LassoResult(new CsrMatrix(n, concepts, data, indices, indptr), objective, gap, stats);
    }
}
