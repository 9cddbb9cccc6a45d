package org.splicecbm.analysis.shift;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;

/**
 * Synthetic SpLiCE feature sets with known concept prevalences: concept c is active with probability
 * {@code prevalence[class][c]} (independently per image) and then has an exponential weight.
 */
final class SyntheticSets {
    private SyntheticSets() {}

    static List<String> concepts(int count) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            names.add("concept" + c);
        }
        return names;
    }

    /** {@code rows} images; image i has class {@code classOf[i % classOf.length]}. */
    static FeatureSet draw(SplittableRandom random, double[][] prevalence, int[] classOf, int rows) {
        int cols = prevalence[0].length;
        CsrBuilder csr = new CsrBuilder(cols);
        long[] labels = new long[rows];
        for (int i = 0; i < rows; i++) {
            int k = classOf[i % classOf.length];
            labels[i] = k;
            float[] row = new float[cols];
            for (int c = 0; c < cols; c++) {
                if (random.nextDouble() < prevalence[k][c]) {
                    row[c] = (float) (0.01 - 0.05 * Math.log(1 - random.nextDouble()));
                }
            }
            csr.append(oneRow(row));
        }
        return new FeatureSet(csr.build(), labels, concepts(cols), meta(rows, cols, 0.25));
    }

    static CsrMatrix oneRow(float[] dense) {
        int nnz = 0;
        for (float v : dense) {
            nnz += v != 0f ? 1 : 0;
        }
        float[] data = new float[nnz];
        int[] indices = new int[nnz];
        int k = 0;
        for (int c = 0; c < dense.length; c++) {
            if (dense[c] != 0f) {
                data[k] = dense[c];
                indices[k++] = c;
            }
        }
        return new CsrMatrix(1, dense.length, data, indices, new long[] {0, nnz});
    }

    static FeatureSetMeta meta(long rows, int cols, double l1) {
        return new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, "test:synthetic", "synthetic", cols, l1, "admm", 1e-6,
                "dataset:synthetic,100", "synthetic", "test", rows, 0, 0.8, "2026-01-01T00:00:00Z", "abc", "key", List.of());
    }

    /** One class, prevalences drawn from [0.05, 0.5]. */
    static double[][] baseline(SplittableRandom random, int concepts) {
        double[][] p = new double[1][concepts];
        for (int c = 0; c < concepts; c++) {
            p[0][c] = 0.05 + 0.45 * random.nextDouble();
        }
        return p;
    }
}
