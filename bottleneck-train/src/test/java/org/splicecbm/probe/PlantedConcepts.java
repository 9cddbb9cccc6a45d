package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.splicecbm.store.CsrMatrix;

/**
 * Synthetic SpLiCE-like features with a planted class structure: class k is driven by concepts
 * 3k and 3k+1 (each present with probability {@code signal}), every row also has {@code noise}
 * random concepts; values are positive like nonnegative SpLiCE weights, columns increase within a row.
 */
public final class PlantedConcepts {
    final int concepts;
    final int classes;
    final double signal;
    final int noise;

    public PlantedConcepts(int concepts, int classes, double signal, int noise) {
        if (concepts < 3 * classes) {
            throw new IllegalArgumentException("need at least 3 concepts per class");
        }
        this.concepts = concepts;
        this.classes = classes;
        this.signal = signal;
        this.noise = noise;
    }

    public FeatureSpace space() {
        List<String> conceptNames = new ArrayList<>();
        for (int j = 0; j < concepts; j++) {
            conceptNames.add("concept " + j);
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            classNames.add("class " + k);
        }
        return new FeatureSpace(conceptNames, classNames, new FeatureFingerprint("test:clip", "synthetic", concepts, 0.25, "abc"));
    }

    /** {@code rows} examples drawn with {@code seed}; class of row i is drawn from {@code classProbabilities} (uniform if null). */
    public TrainingData sample(int rows, long seed, double[] classProbabilities) {
        Random random = new Random(seed);
        int[] labels = new int[rows];
        int[] groups = new int[rows];
        List<float[]> rowValues = new ArrayList<>();
        List<int[]> rowColumns = new ArrayList<>();
        long nnz = 0;
        for (int i = 0; i < rows; i++) {
            labels[i] = drawClass(random, classProbabilities);
            float[] dense = new float[concepts];
            for (int p = 0; p < 2; p++) {
                if (random.nextDouble() < signal) {
                    dense[3 * labels[i] + p] = 0.3f + 0.7f * random.nextFloat();
                }
            }
            for (int q = 0; q < noise; q++) {
                dense[random.nextInt(concepts)] += 0.05f + 0.5f * random.nextFloat();
            }
            groups[i] = dense[3 * labels[i]] > 0 ? 1 : 0;
            int[] cols = java.util.stream.IntStream.range(0, concepts).filter(j -> dense[j] != 0).toArray();
            float[] vals = new float[cols.length];
            for (int t = 0; t < cols.length; t++) {
                vals[t] = dense[cols[t]];
            }
            rowColumns.add(cols);
            rowValues.add(vals);
            nnz += cols.length;
        }
        return new TrainingData(space(), toCsr(rows, rowColumns, rowValues, nnz), labels, groups);
    }

    private int drawClass(Random random, double[] probabilities) {
        if (probabilities == null) {
            return random.nextInt(classes);
        }
        double u = random.nextDouble();
        for (int k = 0; k < classes - 1; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return classes - 1;
    }

    private CsrMatrix toCsr(int rows, List<int[]> columns, List<float[]> values, long nnz) {
        float[] data = new float[(int) nnz];
        int[] indices = new int[(int) nnz];
        long[] indptr = new long[rows + 1];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(columns.get(i), 0, indices, k, columns.get(i).length);
            System.arraycopy(values.get(i), 0, data, k, values.get(i).length);
            k += columns.get(i).length;
            indptr[i + 1] = k;
        }
        return new CsrMatrix(rows, concepts, data, indices, indptr);
    }

    static int[] sortedColumns(List<Explanations.ConceptWeight> weights) {
        return weights.stream().mapToInt(Explanations.ConceptWeight::column).sorted().toArray();
    }

    static String describe(int[] values) {
        return Arrays.toString(values);
    }
}
