package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * One pass over a row's c float32 correlations that keeps only what a round needs: the maximum,
 * and in index order the few concepts that may matter, namely those within {@code window} of the
 * maximum (candidates for the exact maximum) or above {@code threshold} (possible KKT violators).
 * Reading the 40 KB row once, not three times, matters at a thousand rows per second.
 *
 * <p>Blocks of {@value #BLOCK} values whose maximum
 * lies below the current keep level cannot contribute a kept concept or a new maximum, so only their
 * maximum is taken (a tight loop); blocks that cannot raise the maximum are scanned against a fixed
 * keep level, and only blocks holding a new maximum value by value as before. The kept set is exactly
 * the one a value-by-value scan keeps.
 */
final class CorrelationScan {
    private static final int BLOCK = 64;

    final float max;
    /** The largest value at or below {@code threshold}: bounds every concept the scan did not keep. */
    final float maxNotAbove;
    final int[] indices;
    final float[] values;

    private CorrelationScan(float max, float maxNotAbove, int[] indices, float[] values) {
        this.max = max;
        this.maxNotAbove = maxNotAbove;
        this.indices = indices;
        this.values = values;
    }

    static CorrelationScan of(float[] corr, int offset, int count, double threshold, double window) {
        Builder builder = new Builder(threshold, window);
        builder.accept(corr, offset, count, 0);
        return builder.build();
    }

    /** The state of one scan. */
    private static final class Builder {
        private final double threshold;
        private final double window;
        private int[] indices = new int[64];
        private float[] values = new float[64];
        private int kept;
        private float max = Float.NEGATIVE_INFINITY;
        private float maxNotAbove = Float.NEGATIVE_INFINITY;
        private double lowest;

        Builder(double threshold, double window) {
            this.threshold = threshold;
            this.window = window;
            this.lowest = threshold;
        }

        /** Scans {@code corr[offset .. offset + count)}, the correlations of concepts {@code first ..}. */
        void accept(float[] corr, int offset, int count, int first) {
            int b = 0;
            for (; b + BLOCK <= count; b += BLOCK) {
                float blockMax = blockMax(corr, offset + b);
                if (max == Float.NEGATIVE_INFINITY || blockMax > max) {
                    scan(corr, offset + b, BLOCK, first + b); // a new maximum moves the keep level
                } else if (blockMax < lowest) {
                    // below min(threshold, max - window): nothing kept, all is "not above"
                    maxNotAbove = Math.max(maxNotAbove, blockMax);
                } else {
                    keepAtFixedLevel(corr, offset + b, first + b);
                }
            }
            scan(corr, offset + b, count - b, first + b);
        }

        /** Largest value of a block, NaN ignored (a NaN is never kept, nor a maximum, in {@link #scan} either). */
        private static float blockMax(float[] corr, int from) {
            float m0 = Float.NEGATIVE_INFINITY;
            float m1 = Float.NEGATIVE_INFINITY;
            float m2 = Float.NEGATIVE_INFINITY;
            float m3 = Float.NEGATIVE_INFINITY;
            for (int k = from; k < from + BLOCK; k += 4) {
                m0 = corr[k] > m0 ? corr[k] : m0;
                m1 = corr[k + 1] > m1 ? corr[k + 1] : m1;
                m2 = corr[k + 2] > m2 ? corr[k + 2] : m2;
                m3 = corr[k + 3] > m3 ? corr[k + 3] : m3;
            }
            return Math.max(Math.max(m0, m1), Math.max(m2, m3));
        }

        /**
         * A block that cannot raise the maximum: the keep level stays fixed over it. Hundreds of a row's
         * concepts can lie above the KKT threshold, scattered, so the loop avoids branches on the data:
         * every value is written, and the count advances only for kept ones.
         */
        private void keepAtFixedLevel(float[] corr, int from, int first) {
            if (kept + BLOCK > indices.length) {
                indices = Arrays.copyOf(indices, 2 * (kept + BLOCK));
                values = Arrays.copyOf(values, 2 * (kept + BLOCK));
            }
            float notAbove = maxNotAbove;
            int n = kept;
            for (int m = 0; m < BLOCK; m++) {
                float v = corr[from + m];
                float below = v <= threshold ? v : Float.NEGATIVE_INFINITY;
                notAbove = below > notAbove ? below : notAbove;
                indices[n] = first + m;
                values[n] = v;
                n += v >= lowest ? 1 : 0;
            }
            maxNotAbove = notAbove;
            kept = n;
        }

        private void scan(float[] corr, int from, int count, int first) {
            for (int m = 0; m < count; m++) {
                float v = corr[from + m];
                if (v <= threshold && v > maxNotAbove) {
                    maxNotAbove = v;
                }
                if (v > max) {
                    max = v;
                    lowest = Math.min(threshold, max - window);
                }
                if (v >= lowest) {
                    keep(first + m, v);
                }
            }
        }

        private void keep(int concept, float v) {
            if (kept == indices.length) {
                indices = Arrays.copyOf(indices, kept * 2);
                values = Arrays.copyOf(values, kept * 2);
            }
            indices[kept] = concept;
            values[kept++] = v;
        }

        CorrelationScan build() {
            return new CorrelationScan(max, maxNotAbove, Arrays.copyOf(indices, kept), Arrays.copyOf(values, kept));
        }
    }
}
