package org.splicecbm.analysis.histogram;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;

/**
 * Per image of one class, the mean weight of the chosen concepts (SpLiCE's {@code concept_histogram.py}:
 * {@code torch.mean(weights[:, concept_indices], dim=-1)}), over every feature set given (the reference pools
 * the train and test splits).
 *
 * @param className  the class
 * @param meanWeights one value per image
 */
public record ClassWeights(String className, double[] meanWeights) {

    /** Collects the images of class {@code label} from {@code sets}. */
    public static ClassWeights collect(String className, int label, List<FeatureSet> sets, int[] conceptColumns) {
        List<Double> values = new ArrayList<>();
        for (FeatureSet set : sets) {
            CsrMatrix m = set.features();
            for (int r = 0; r < m.rows(); r++) {
                if (set.labels()[r] == label) {
                    values.add(meanOf(m, r, conceptColumns));
                }
            }
        }
        return new ClassWeights(className, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Images where any chosen concept is active (weights are nonnegative, so: mean weight > 0). */
    public Proportion active() {
        long n = 0;
        for (double w : meanWeights) {
            n += w > 0 ? 1 : 0;
        }
        return new Proportion(n, meanWeights.length);
    }

    /** The nonzero mean weights as floats, for the Mann-Whitney test (the rest are zeros). */
    float[] nonzero() {
        return toFloats(java.util.Arrays.stream(meanWeights).filter(w -> w != 0).toArray());
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    private static double meanOf(CsrMatrix m, int row, int[] columns) {
        double sum = 0;
        for (long k = m.indptr()[row]; k < m.indptr()[row + 1]; k++) {
            int c = m.indices()[(int) k];
            for (int col : columns) {
                if (c == col) {
                    sum += m.data()[(int) k];
                }
            }
        }
        return sum / columns.length;
    }
}
