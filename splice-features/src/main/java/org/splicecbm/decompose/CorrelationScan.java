package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * A round's view of a row's c float32 correlations, read only as far as each question needs. One
 * SIMD pass takes the maximum of every block of {@value #BLOCK} values ({@link SolverKernels}); the
 * questions then search only blocks whose maximum can hold an answer:
 * <ul>
 *   <li>{@link #nearMax}: the concepts within a window of the maximum (candidates for the exact maximum);</li>
 *   <li>{@link #topAbove}: the largest values above the KKT threshold (the round's candidate pool), blocks
 *       taken from the largest maximum down until none can enter the list;</li>
 *   <li>{@link #maxNotAbove} and {@link #kept}: the bound on every concept at or below the threshold,
 *       and the concepts above {@code min(threshold, max - window)}, for a certificate without a refresh.</li>
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
    private final double window;
    private final float[] blockMax;
    final float max;

    private CorrelationScan(float[] corr, int offset, int count, double threshold, double window) {
        this.corr = corr;
        this.offset = offset;
        this.count = count;
        this.threshold = threshold;
        this.window = window;
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
     * @param window    the float uncertainty of the maximum (twice the float error)
     */
    static CorrelationScan of(float[] corr, int offset, int count, double threshold, double window) {
        return new CorrelationScan(corr, offset, count, threshold, window);
    }

    /** The concepts whose value is at least {@code max - window}, with their values, in index order. */
    Selection nearMax(double nearWindow) {
        return atLeast(max - nearWindow);
    }

    /** The concepts above {@code min(threshold, max - window)}, with their values, in index order. */
    Selection kept() {
        return atLeast(Math.min(threshold, max - window));
    }

    /** The largest value at or below the threshold: bounds every concept {@link #kept} leaves out. */
    float maxNotAbove() {
        float level = FloatLevels.atMost(threshold);
        float result = Float.NEGATIVE_INFINITY;
        for (int b = 0; b < blockMax.length; b++) {
            result = Math.max(result, blockMax[b] <= level ? blockMax[b]
                    : KERNELS.maxAtMost(corr, offset + b * BLOCK, length(b), level));
        }
        return result;
    }

    /** A lower bound on {@link #maxNotAbove} from the block maxima alone (no values read). */
    float maxNotAboveAtLeast() {
        float level = FloatLevels.atMost(threshold);
        float result = Float.NEGATIVE_INFINITY;
        for (float m : blockMax) {
            result = m <= level ? Math.max(result, m) : result;
        }
        return result;
    }

    /**
     * The {@code limit} concepts with the largest values above the threshold that the working set does not
     * hold, largest first, ties by lower index (as a value-by-value scan in index order would pick them).
     */
    int[] topAbove(int limit, WorkingSetProblem exclude) {
        float floor = FloatLevels.atLeast(Math.nextUp(threshold));
        long[] order = blocksByMaxDescending(floor);
        TopList top = new TopList(limit, floor);
        int[] ids = new int[BLOCK];
        float[] values = new float[BLOCK];
        for (long key : order) {
            int b = (int) key;
            if (!top.mayEnter(blockMax[b])) {
                break;
            }
            int found = KERNELS.keepAtLeast(corr, offset + b * BLOCK, length(b), top.entryLevel(), b * BLOCK, ids,
                    values, 0);
            for (int m = 0; m < found; m++) {
                if (top.mayEnter(values[m]) && !exclude.contains(ids[m])) {
                    top.offer(ids[m], values[m]);
                }
            }
        }
        return top.ids();
    }

    /**
     * The blocks whose maximum is at least {@code floor}, largest maximum first (ties: lower block first),
     * each as a sortable key whose low 32 bits are the block index.
     */
    private long[] blocksByMaxDescending(float floor) {
        long[] keys = new long[blockMax.length];
        int n = 0;
        for (int b = 0; b < blockMax.length; b++) {
            if (blockMax[b] >= floor) {
                keys[n++] = ((long) descendingKey(blockMax[b]) << 32) | b;
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        return keys;
    }

    /** An int that orders floats from the largest down (as a signed int), so ascending keys = descending values. */
    private static int descendingKey(float value) {
        int bits = Float.floatToIntBits(value);
        int ascending = bits >= 0 ? bits : bits ^ 0x7fffffff; // IEEE order as signed ints
        return ~ascending;
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
