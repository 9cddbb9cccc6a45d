package org.splicecbm.decompose;

/**
 * Picks the concepts to add to a working set (from a {@link CorrelationScan}, which keeps every
 * concept above the threshold): those outside it whose float32 correlation with the
 * residual exceeds a threshold (the KKT bound l1/2 lowered by the float error, so no true violator
 * is missed), the largest first, ties by lower index, at most {@code limit}.
 */
final class TopViolators {
    private TopViolators() {}

    static int[] select(CorrelationScan scan, double threshold, int limit, WorkingSetProblem exclude) {
        int[] best = new int[limit];
        float[] bestValue = new float[limit];
        int count = 0;
        for (int m = 0; m < scan.indices.length; m++) {
            int j = scan.indices[m];
            float v = scan.values[m];
            if (v <= threshold || (count == limit && v <= bestValue[count - 1])) {
                continue;
            }
            if (exclude.contains(j)) {
                continue;
            }
            int pos = count == limit ? limit - 1 : count++;
            while (pos > 0 && bestValue[pos - 1] < v) {
                best[pos] = best[pos - 1];
                bestValue[pos] = bestValue[pos - 1];
                pos--;
            }
            best[pos] = j;
            bestValue[pos] = v;
        }
        return java.util.Arrays.copyOf(best, count);
    }
}
