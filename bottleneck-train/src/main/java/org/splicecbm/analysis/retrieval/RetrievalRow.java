package org.splicecbm.analysis.retrieval;

import java.util.List;

/**
 * One setting of the retrieval study: dense CLIP ({@code l1} NaN) or SpLiCE at {@code l1}; per direction and k,
 * the mean and sample standard deviation (n - 1, as {@code torch.std}) of recall over all subsets.
 *
 * @param mean [0] image->text, [1] text->image; index j for {@link RecallAtK#KS}[j]
 */
public record RetrievalRow(String setting, double l1, double meanL0, double meanCosine, int subsets, double[][] mean, double[][] std) {

    /** Summarises per-subset recalls ({@code perSubset.get(s)[direction][k]}). */
    public static RetrievalRow of(String setting, double l1, double meanL0, double meanCosine, List<double[][]> perSubset) {
        int ks = RecallAtK.KS.length;
        double[][] mean = new double[2][ks];
        double[][] std = new double[2][ks];
        int n = perSubset.size();
        for (int d = 0; d < 2; d++) {
            for (int k = 0; k < ks; k++) {
                double sum = 0;
                for (double[][] r : perSubset) {
                    sum += r[d][k];
                }
                double m = sum / n;
                double squares = 0;
                for (double[][] r : perSubset) {
                    squares += (r[d][k] - m) * (r[d][k] - m);
                }
                mean[d][k] = m;
                std[d][k] = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
            }
        }
        return new RetrievalRow(setting, l1, meanL0, meanCosine, n, mean, std);
    }
}
