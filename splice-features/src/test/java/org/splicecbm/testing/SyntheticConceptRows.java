package org.splicecbm.testing;

import java.util.Arrays;
import java.util.Random;
import org.splicecbm.store.CsrMatrix;

/**
 * Benchmark-sized synthetic SpLiCE features, shared by the probe benchmarks of bottleneck-train and splice-spark so
 * both measure the same rows: each class owns a block of {@code signatureSize} concepts; a row draws
 * {@code signatureTries} concepts from its class block (each with probability {@code signalProbability}) plus
 * {@code noise} uniformly random concepts, so rows have about {@code signatureTries * p + noise} nonzeros and some
 * rows carry no class evidence at all. Duplicate columns are summed, as a CSR row must hold each column once.
 */
public record SyntheticConceptRows(int concepts, int classes, int signatureSize, int signatureTries,
                                   double signalProbability, int noise) {

    /** The probe benchmark's problem: 10,000 concepts, 10 classes, ~10 nonzeros per row. */
    public static SyntheticConceptRows benchmark() {
        return new SyntheticConceptRows(10_000, 10, 50, 2, 0.6, 8);
    }

    /** Sampled rows and their class labels. */
    public record Sample(CsrMatrix x, int[] labels) {
        /** The labels widened, as NumPy's int64 label files hold them. */
        public long[] labelsAsLong() {
            return Arrays.stream(labels).asLongStream().toArray();
        }
    }

    /** {@code rows} rows drawn with {@code seed}; the same seed gives the same rows. */
    public Sample sample(int rows, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[rows];
        long[] indptr = new long[rows + 1];
        int[] indices = new int[rows * (signatureTries + noise)];
        float[] data = new float[indices.length];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(classes);
            int[] cols = new int[signatureTries + noise];
            float[] vals = new float[cols.length];
            int n = 0;
            for (int t = 0; t < signatureTries; t++) {
                if (random.nextDouble() < signalProbability) {
                    cols[n] = labels[i] * signatureSize + random.nextInt(signatureSize);
                    vals[n++] = 0.2f + 0.8f * random.nextFloat();
                }
            }
            for (int t = 0; t < noise; t++) {
                cols[n] = random.nextInt(concepts);
                vals[n++] = 0.05f + 0.45f * random.nextFloat();
            }
            k = appendSortedMerged(cols, vals, n, indices, data, k);
            indptr[i + 1] = k;
        }
        return new Sample(new CsrMatrix(rows, concepts, Arrays.copyOf(data, k), Arrays.copyOf(indices, k), indptr), labels);
    }

    /** Writes one row's entries with columns increasing, summing duplicates. */
    private static int appendSortedMerged(int[] cols, float[] vals, int n, int[] indices, float[] data, int k) {
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(cols[a], cols[b]));
        int start = k;
        for (int t = 0; t < n; t++) {
            int c = cols[order[t]];
            if (k > start && indices[k - 1] == c) {
                data[k - 1] += vals[order[t]];
            } else {
                indices[k] = c;
                data[k++] = vals[order[t]];
            }
        }
        return k;
    }
}
