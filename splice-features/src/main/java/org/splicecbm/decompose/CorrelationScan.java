package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * A round's view of a row's c float32 correlations, read only as far as each question needs. One
 * SIMD pass takes the maximum of every block of {@value #BLOCK} values ({@link SolverKernels}); the
 * questions then search only blocks whose maximum can hold an answer:
 * <ul>
 *   <li>{@link #nearMax}: the concepts within a window of the maximum (candidates for the exact maximum);</li>
 *   <li>{@link #topAbove}: the largest values above the KKT threshold (the round's candidate pool), from
 *       the blocks whose maximum reaches a rank-based level;</li>
 *   <li>{@link #atLeast(double, int)}: the concepts at or above a level, or the news that there are too many
 *       ({@link MovedResidualCheck}).</li>
 * </ul>
 * Hundreds of a row's concepts lie above the threshold while it is far from converged, so listing
 * them all each round (as a plain scan would) costs more than answering these questions.
 * The answers are exactly those of a value-by-value scan.
 */
final class CorrelationScan {
    static final int BLOCK = 64;
    private static final SolverKernels KERNELS = SolverKernels.BEST;

    private final float[] corr;
    private final int offset;
    private final int count;
    private final double threshold;
    private final float[] blockMax;
    final float max;

    private CorrelationScan(float[] corr, int offset, int count, double threshold) {
        this.corr = corr;
        this.offset = offset;
        this.count = count;
        this.threshold = threshold;
        this.blockMax = new float[(count + BLOCK - 1) / BLOCK];
        float m = Float.NEGATIVE_INFINITY;
        for (int b = 0; b < blockMax.length; b++) {
            blockMax[b] = KERNELS.blockMax(corr, offset + b * BLOCK, length(b));
            m = Math.max(m, blockMax[b]);
        }
        this.max = m;
    }

    /**
     * @param corr      the correlations, {@code corr[offset .. offset + count)}; read lazily, so they must not
     *                  change while the scan is in use
     * @param threshold the KKT threshold (l1/2 lowered by the float error)
     */
    static CorrelationScan of(float[] corr, int offset, int count, double threshold) {
        return new CorrelationScan(corr, offset, count, threshold);
    }

    /** The concepts whose value is at least {@code max - nearWindow}, with their values, in index order. */
    Selection nearMax(double nearWindow) {
        return atLeast(max - nearWindow);
    }

    /**
     * The {@code limit} concepts with the largest values above the threshold that the working set does not
     * hold, largest first, ties by lower index (as a value-by-value scan in index order would pick them).
     * Each block maximum is some concept's value, so at least {@code limit + |S|} values reach the
     * {@code (limit + |S|)}-th largest block maximum: only those are gathered and sorted.
     */
    int[] topAbove(int limit, WorkingSetProblem exclude) {
        float floor = FloatLevels.atLeast(Math.nextUp(threshold));
        float level = Math.max(floor, largestBlockMax(limit + exclude.size()));
        long[] keys = new long[4 * BLOCK];
        int n = 0;
        int[] ids = new int[BLOCK];
        float[] values = new float[BLOCK];
        for (int b = 0; b < blockMax.length; b++) {
            if (blockMax[b] >= level) {
                int found = KERNELS.keepAtLeast(corr, offset + b * BLOCK, length(b), level, b * BLOCK, ids, values, 0);
                if (n + found > keys.length) {
                    keys = Arrays.copyOf(keys, 2 * (n + found));
                }
                for (int m = 0; m < found; m++) {
                    keys[n++] = ((long) descendingKey(values[m]) << 32) | ids[m];
                }
            }
        }
        Arrays.sort(keys, 0, n);
        int[] top = new int[limit];
        int count = 0;
        for (int m = 0; m < n && count < limit; m++) {
            int concept = (int) keys[m];
            if (!exclude.contains(concept)) {
                top[count++] = concept;
            }
        }
        return Arrays.copyOf(top, count);
    }

    /** The rank-th largest block maximum (rank from 1), or -infinity if there are fewer blocks. */
    private float largestBlockMax(int rank) {
        if (rank > blockMax.length) {
            return Float.NEGATIVE_INFINITY;
        }
        return kthLargest(blockMax.clone(), rank - 1);
    }

    /**
     * The value that would sit at position {@code k} (from 0) if {@code values} were sorted from the
     * largest down; reorders {@code values}. Quickselect with the middle element as pivot: no sort needed.
     */
    static float kthLargest(float[] values, int k) {
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            float pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] > pivot) {
                    i++;
                }
                while (values[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = values[i];
                    values[i++] = values[j];
                    values[j--] = t;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    /** An int that orders floats from the largest down (as a signed int), so ascending keys = descending values. */
    private static int descendingKey(float value) {
        int bits = Float.floatToIntBits(value);
        int ascending = bits >= 0 ? bits : bits ^ 0x7fffffff; // IEEE order as signed ints
        return ~ascending;
    }

    /**
     * The concepts whose value is at least {@code lowest}, in index order, or null if there are more
     * than {@code cap}: decided from the block maxima first where possible, else by gathering only until
     * the count passes {@code cap} (a refusal is the common answer while a row's residual moves a lot).
     */
    int[] atLeast(double lowest, int cap) {
        float level = FloatLevels.atLeast(lowest);
        int blocks = 0;
        for (float m : blockMax) {
            blocks += m >= level ? 1 : 0; // each such block holds at least one
        }
        if (blocks > cap) {
            return null;
        }
        int[] ids = new int[cap + BLOCK];
        float[] values = new float[cap + BLOCK];
        int n = 0;
        for (int b = 0; b < blockMax.length && n <= cap; b++) {
            if (blockMax[b] >= level) { // before it, n <= cap: room for a whole block
                n = KERNELS.keepAtLeast(corr, offset + b * BLOCK, length(b), level, b * BLOCK, ids, values, n);
            }
        }
        return n > cap ? null : Arrays.copyOf(ids, n);
    }

    private Selection atLeast(double lowest) {
        float level = FloatLevels.atLeast(lowest);
        int[] ids = new int[256];
        float[] values = new float[256];
        int n = 0;
        for (int b = 0; b < blockMax.length; b++) {
            if (blockMax[b] >= level) {
                if (n + BLOCK > ids.length) {
                    ids = Arrays.copyOf(ids, 2 * (n + BLOCK));
                    values = Arrays.copyOf(values, 2 * (n + BLOCK));
                }
                n = KERNELS.keepAtLeast(corr, offset + b * BLOCK, length(b), level, b * BLOCK, ids, values, n);
            }
        }
        return new Selection(Arrays.copyOf(ids, n), Arrays.copyOf(values, n));
    }

    private int length(int block) {
        return Math.min(BLOCK, count - block * BLOCK);
    }

    /** Concept ids and their float32 correlations. */
    record Selection(int[] indices, float[] values) {}
}
