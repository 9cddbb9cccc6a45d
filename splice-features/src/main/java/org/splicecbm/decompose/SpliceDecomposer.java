package org.splicecbm.decompose;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.concepts.InputChecks;
import org.splicecbm.store.CsrMatrix;

/**
 * SpLiCE for raw CLIP image embeddings (Bhalla et al., NeurIPS 2024, Sec. 4; reference
 * {@code splice.py}): {@code z = normalize(raw)}, {@code zc = normalize(z - imageMean)}, solve the
 * nonnegative lasso of zc over the centred dictionary, recompose
 * {@code normalize(normalize(w C) + imageMean)} and compare it with z.
 *
 * <p>An all-zero raw embedding has no direction: it gets w = 0 (it is not decomposed as the negated
 * image mean, which the literal formula would do), L0 = 0 and cosine NaN.
 */
public final class SpliceDecomposer implements AutoCloseable {
    private final float[][] dictionary;
    private final double[] imageMean;
    private final double l1;
    private final NonnegativeLasso solver;

    /**
     * @param centredDictionary c x d concept dictionary as made by {@link DictionaryMath#centre}
     * @param imageMean         the backbone's d-dimensional image mean
     * @param l1                SpLiCE's sparsity penalty (e.g. 0.25), >= 0
     */
    public SpliceDecomposer(float[][] centredDictionary, float[] imageMean, double l1, SolverOptions options) {
        InputChecks.requireMatrix("concept dictionary", centredDictionary, -1);
        InputChecks.requireMatrix("image mean", new float[][] {imageMean}, centredDictionary[0].length);
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("l1 penalty must be finite and >= 0, found " + l1);
        }
        this.dictionary = centredDictionary;
        this.imageMean = DictionaryMath.widen(imageMean);
        this.l1 = l1;
        this.solver = new NonnegativeLasso(centredDictionary, options);
    }

    /** Decomposes each raw embedding (N x d). */
    public Decomposition decompose(float[][] rawEmbeddings) {
        return withMetrics(solve(rawEmbeddings).weights(), rawEmbeddings);
    }

    /** Decomposes and also returns the solver's objectives, gaps and cost counters. */
    public LassoResult solve(float[][] rawEmbeddings) {
        return solvePath(rawEmbeddings, List.of(l1)).get(0);
    }

    /**
     * Decomposes each raw embedding at every l1 of {@code l1Values} (this decomposer's own l1 is not
     * used) in one pass ({@link NonnegativeLasso#solvePath}); one result per value, in the given order.
     */
    public List<Decomposition> decomposePath(float[][] rawEmbeddings, List<Double> l1Values) {
        List<Decomposition> out = new ArrayList<>();
        for (LassoResult result : solvePath(rawEmbeddings, l1Values)) {
            out.add(withMetrics(result.weights(), rawEmbeddings));
        }
        return out;
    }

    /** Like {@link #solve} at every l1 of {@code l1Values}, in the given order. */
    public List<LassoResult> solvePath(float[][] rawEmbeddings, List<Double> l1Values) {
        InputChecks.requireMatrix("image embeddings", rawEmbeddings, imageMean.length);
        float[][] centred = new float[rawEmbeddings.length][];
        for (int i = 0; i < rawEmbeddings.length; i++) {
            centred[i] = DictionaryMath.toFloat(centredTarget(rawEmbeddings[i]));
        }
        return solver.solvePath(centred, l1Values);
    }

    /** Per row {@code normalize(normalize(w C) + imageMean)} (N x d). */
    public float[][] recompose(CsrMatrix weights) {
        if (weights.cols() != dictionary.length) {
            throw new IllegalArgumentException("weights have " + weights.cols() + " columns but the dictionary has "
                    + dictionary.length + " concepts");
        }
        float[][] out = new float[weights.rows()][];
        for (int i = 0; i < weights.rows(); i++) {
            out[i] = DictionaryMath.toFloat(recomposeRow(weights, i));
        }
        return out;
    }

    /**
     * SpLiCE's intervention: decompose, set the weights of the given concepts to zero, recompose; the
     * returned weights, L0 and cosine (against the original z) are those after the intervention.
     */
    public Decomposition intervene(float[][] rawEmbeddings, int[] conceptIndicesToZero) {
        boolean[] removed = new boolean[dictionary.length];
        for (int j : conceptIndicesToZero) {
            if (j < 0 || j >= dictionary.length) {
                throw new IllegalArgumentException("concept index " + j + " is outside the dictionary's 0.."
                        + (dictionary.length - 1));
            }
            removed[j] = true;
        }
        return withMetrics(WeightEdits.zeroColumns(solve(rawEmbeddings).weights(), removed), rawEmbeddings);
    }

    private Decomposition withMetrics(CsrMatrix weights, float[][] rawEmbeddings) {
        int n = weights.rows();
        int[] l0 = new int[n];
        float[] cosine = new float[n];
        for (int i = 0; i < n; i++) {
            l0[i] = weights.rowNnz(i);
            double[] z = DictionaryMath.normalizeOrZero(DictionaryMath.widen(rawEmbeddings[i]));
            cosine[i] = (float) DictionaryMath.cosine(recomposeRow(weights, i), z);
        }
        return new Decomposition(weights, l0, cosine);
    }

    /** {@code normalize(normalize(z) - imageMean)}, or zero for a zero embedding (see the class note). */
    private double[] centredTarget(float[] raw) {
        double[] z = DictionaryMath.normalizeOrZero(DictionaryMath.widen(raw));
        if (DictionaryMath.dot(z, z) == 0) {
            return z;
        }
        for (int k = 0; k < z.length; k++) {
            z[k] -= imageMean[k];
        }
        return DictionaryMath.normalizeOrZero(z);
    }

    private double[] recomposeRow(CsrMatrix weights, int row) {
        double[] combination = new double[imageMean.length];
        for (long p = weights.indptr()[row]; p < weights.indptr()[row + 1]; p++) {
            double w = weights.data()[(int) p];
            float[] concept = dictionary[weights.indices()[(int) p]];
            for (int k = 0; k < combination.length; k++) {
                combination[k] += w * concept[k];
            }
        }
        double[] recon = DictionaryMath.normalizeOrZero(combination);
        for (int k = 0; k < recon.length; k++) {
            recon[k] += imageMean[k];
        }
        return DictionaryMath.normalizeOrZero(recon);
    }

    @Override
    public void close() {
        solver.close();
    }
}
