package org.splicecbm.decompose;

import org.splicecbm.store.CsrMatrix;

/** Gathers per-row solutions into a {@link LassoResult}: CSR weights with sorted columns, and stats. */
final class SolutionAssembly {
    private SolutionAssembly() {}

    static LassoResult assemble(RowSolve[] rows, int concepts, ChunkCost cost, boolean gramMatrix) {
        int n = rows.length;
        long[] indptr = new long[n + 1];
        int[][] columns = new int[n][];
        float[][] values = new float[n][];
        double[] objective = new double[n];
        double[] gap = new double[n];
        long exactDots = 0;
        long sweeps = 0;
        long workingSetTotal = 0;
        int maxRounds = 0;
        int certified = 0;
        long gramUpdates = 0;
        long gramColumns = 0;
        for (int i = 0; i < n; i++) {
            WorkingSetProblem p = rows[i].problem();
            sortedSupport(p, i, columns, values);
            indptr[i + 1] = indptr[i] + columns[i].length;
            objective[i] = rows[i].objective();
            gap[i] = rows[i].gap();
            exactDots += rows[i].exactDots();
            sweeps += p.sweeps();
            workingSetTotal += p.size();
            maxRounds = Math.max(maxRounds, rows[i].rounds());
            certified += rows[i].certifiedWithoutProduct() ? 1 : 0;
            gramUpdates += rows[i].gramUpdates();
            gramColumns += rows[i].gramColumns();
        }
        int nnz = (int) indptr[n];
        float[] data = new float[nnz];
        int[] indices = new int[nnz];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values[i], 0, data, (int) indptr[i], values[i].length);
            System.arraycopy(columns[i], 0, indices, (int) indptr[i], columns[i].length);
        }
        SolveStats stats = new SolveStats(n, cost.productRows, maxRounds, exactDots, sweeps,
                n == 0 ? 0 : (double) workingSetTotal / n, cost.productNanos, cost.rowNanos, certified,
                gramMatrix, gramUpdates, gramColumns);
        return new LassoResult(new CsrMatrix(n, concepts, data, indices, indptr), objective, gap, stats);
    }

    /** Positive weights of row i in increasing concept order (float32 values that round to 0 are dropped). */
    private static void sortedSupport(WorkingSetProblem p, int i, int[][] columns, float[][] values) {
        int count = 0;
        long[] packed = new long[p.size()];
        for (int k = 0; k < p.size(); k++) {
            if ((float) p.weight(k) > 0) {
                packed[count++] = ((long) p.member(k) << 32) | k;
            }
        }
        java.util.Arrays.sort(packed, 0, count);
        columns[i] = new int[count];
        values[i] = new float[count];
        for (int m = 0; m < count; m++) {
            int k = (int) packed[m];
            columns[i][m] = (int) (packed[m] >>> 32);
            values[i][m] = (float) p.weight(k);
        }
    }
}
