package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * A row's certified solution at one l1, taken when it converged (on an l1 path the row then moves on),
 * with its cost counters so far (cumulative along the path).
 */
record RowSolution(int[] columns, float[] values, double objective, double gap, long exactDots, long steps,
                   int workingSetSize, int rounds, boolean certifiedWithoutProduct, long gramUpdates,
                   long gramRows) {

    static RowSolution of(RowSolve row) {
        WorkingSetProblem p = row.problem();
        int count = 0;
        long[] packed = new long[p.size()];
        for (int k = 0; k < p.size(); k++) {
            if ((float) p.weight(k) > 0) { // float32 values that round to 0 are dropped
                packed[count++] = ((long) p.member(k) << 32) | k;
            }
        }
        Arrays.sort(packed, 0, count);
        int[] columns = new int[count];
        float[] values = new float[count];
        for (int m = 0; m < count; m++) {
            columns[m] = (int) (packed[m] >>> 32);
            values[m] = (float) p.weight((int) packed[m]);
        }
        return new RowSolution(columns, values, row.objective(), row.gap(), row.exactDots(), p.steps(), p.size(),
                row.rounds(), row.certifiedWithoutProduct(), row.gramUpdates(), row.gramColumns());
    }
}
