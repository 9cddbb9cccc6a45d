package org.splicecbm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.splicecbm.probe.FeatureFingerprint;
import org.splicecbm.probe.FeatureSpace;
import org.splicecbm.probe.TrainingData;
import org.splicecbm.store.CsrMatrix;

/**
 * Benchmark-sized synthetic SpLiCE features: each class owns a block of {@code signatureSize}
 * concepts; a row draws {@code signatureTries} concepts from its class block (each with probability
 * {@code signalProbability}) plus {@code noise} uniformly random concepts, so rows have about
 * {@code signatureTries * p + noise} nonzeros and some rows carry no class evidence at all.
 */
record SyntheticConceptFeatures(int concepts, int classes, int signatureSize, int signatureTries, double signalProbability,
                                int noise) {

    FeatureSpace space() {
        List<String> names = new ArrayList<>(concepts);
        for (int j = 0; j < concepts; j++) {
            names.add("concept " + j);
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            classNames.add("class " + k);
        }
        return new FeatureSpace(names, classNames, new FeatureFingerprint("bench:synthetic", "synthetic", concepts, 0.25, ""));
    }

    TrainingData sample(int rows, long seed) {
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
        CsrMatrix x = new CsrMatrix(rows, concepts, Arrays.copyOf(data, k), Arrays.copyOf(indices, k), indptr);
        return new TrainingData(space(), x, labels);
    }

    /** Writes one row's entries with columns increasing, summing duplicates as a CSR row must. */
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
