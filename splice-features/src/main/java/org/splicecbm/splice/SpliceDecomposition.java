package org.splicecbm.splice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.store.CsrMatrix;

/**
 * SpLiCE decompositions of a batch of images that know their concept names (Bhalla et al., NeurIPS 2024, Sec. 4):
 * the sparse weights (SpLiCE's {@code encode_image} with {@code return_weights=True}), the dense SpLiCE embedding
 * recomposed from them ({@code return_weights=False}), and per image the L0 norm, the cosine with the CLIP embedding
 * and the top concepts, largest first.
 */
public final class SpliceDecomposition {
    private final Decomposition decomposition;
    private final List<String> concepts;
    private final Function<CsrMatrix, float[][]> recompose;
    private float[][] embedding;

    SpliceDecomposition(Decomposition decomposition, List<String> concepts, Function<CsrMatrix, float[][]> recompose) {
        this.decomposition = decomposition;
        this.concepts = concepts;
        this.recompose = recompose;
    }

    /** Number of images. */
    public int rows() {
        return decomposition.rows();
    }

    /** N x c nonnegative concept weights (SpLiCE's {@code return_weights=True}). */
    public CsrMatrix weights() {
        return decomposition.weights();
    }

    /** The decomposition as the solver returned it (weights, L0, cosine). */
    public Decomposition decomposition() {
        return decomposition;
    }

    /** The dense SpLiCE embeddings {@code normalize(normalize(w C) + mean)}, N x d (SpLiCE's {@code return_weights=False}). */
    public synchronized float[][] embedding() {
        if (embedding == null) {
            embedding = recompose.apply(decomposition.weights());
        }
        return embedding.clone();
    }

    /** The concept names, dictionary order. */
    public List<String> concepts() {
        return concepts;
    }

    /** L0 norm of image {@code row}'s weights. */
    public int l0(int row) {
        return decomposition.l0()[row];
    }

    /** Cosine of image {@code row}'s SpLiCE embedding with its CLIP embedding (NaN for an all-zero embedding). */
    public float cosine(int row) {
        return decomposition.cosine()[row];
    }

    /** L0 of a single-image decomposition. */
    public int l0() {
        return l0(single());
    }

    /** Cosine of a single-image decomposition. */
    public float cosine() {
        return cosine(single());
    }

    /** The {@code n} largest weights of a single-image decomposition, largest first (ties: dictionary order). */
    public List<WeightedConcept> topConcepts(int n) {
        return topConcepts(single(), n);
    }

    /** The {@code n} largest weights of image {@code row}, largest first (ties: dictionary order). */
    public List<WeightedConcept> topConcepts(int row, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("topConcepts: n must be >= 0, found " + n);
        }
        CsrMatrix w = decomposition.weights();
        List<WeightedConcept> all = new ArrayList<>();
        for (long p = w.indptr()[row]; p < w.indptr()[row + 1]; p++) {
            int index = w.indices()[(int) p];
            all.add(new WeightedConcept(concepts.get(index), index, w.data()[(int) p]));
        }
        all.sort((a, b) -> a.weight() != b.weight() ? Double.compare(b.weight(), a.weight()) : Integer.compare(a.index(), b.index()));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private int single() {
        if (rows() != 1) {
            throw new IllegalStateException("this decomposition holds " + rows() + " images; name the row (e.g. topConcepts(row, n))");
        }
        return 0;
    }
}
