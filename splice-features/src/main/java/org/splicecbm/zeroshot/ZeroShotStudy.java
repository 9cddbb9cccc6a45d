package org.splicecbm.zeroshot;

import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.progress.Progress;

/**
 * SpLiCE's zero-shot study over one set of image embeddings (Bhalla et al., NeurIPS 2024, Sec. 5.1,
 * Fig. 3): classify the dense CLIP embeddings, and the SpLiCE reconstructions
 * {@code normalize(normalize(w C) + imageMean)} at a given l1, against the same class prompts. The
 * embeddings are streamed in batches, so no weight matrix of the whole split is ever held.
 *
 * @param batches the raw image embeddings in row order, re-iterable (e.g. {@code CachedEmbeddings.rowBatches})
 * @param labels  the label of each row
 * @param classifier the class prompts' classifier
 * @param task    name for progress bars, e.g. {@code cifar10/test}
 */
public record ZeroShotStudy(Iterable<float[][]> batches, long[] labels, ZeroShotClassifier classifier, String task) {

    /** The dense CLIP baseline. */
    public ZeroShotResult dense() {
        ZeroShotTally tally = new ZeroShotTally(Double.NaN);
        int row = 0;
        for (float[][] batch : batches) {
            requireRows(row, batch.length);
            tally.addPredictions(classifier.predict(batch), labels, row);
            row += batch.length;
        }
        requireAllRows(row);
        return tally.result();
    }

    /** The SpLiCE reconstructions made by {@code decomposer} (its l1 is the row's l1). */
    public ZeroShotResult splice(SpliceDecomposer decomposer, double l1) {
        return splicePath(decomposer, List.of(l1)).get(0);
    }

    /**
     * The SpLiCE reconstructions at every l1 of {@code l1Values}, solved along one l1 path per batch
     * ({@link SpliceDecomposer#decomposePath}; the decomposer's own l1 is not used): one row per value, in order.
     */
    public List<ZeroShotResult> splicePath(SpliceDecomposer decomposer, List<Double> l1Values) {
        List<ZeroShotTally> tallies = new ArrayList<>();
        l1Values.forEach(l1 -> tallies.add(new ZeroShotTally(l1)));
        int row = 0;
        try (ProgressBar bar = Progress.bar("zero-shot " + task + " l1=" + l1Values, labels.length, "img")) {
            for (float[][] batch : batches) {
                requireRows(row, batch.length);
                List<Decomposition> decompositions = decomposer.decomposePath(batch, l1Values);
                for (int v = 0; v < l1Values.size(); v++) {
                    Decomposition d = decompositions.get(v);
                    tallies.get(v).addSparsity(d.l0(), d.cosine());
                    tallies.get(v).addPredictions(classifier.predict(decomposer.recompose(d.weights())), labels, row);
                }
                row += batch.length;
                bar.stepTo(row);
            }
        }
        requireAllRows(row);
        List<ZeroShotResult> results = new ArrayList<>();
        tallies.forEach(t -> results.add(t.result()));
        return results;
    }

    private void requireRows(int done, int batch) {
        if (done + batch > labels.length) {
            throw new IllegalArgumentException("the embeddings have more rows than the " + labels.length
                    + " labels; the embedding cache and its labels.npy disagree (delete the cache folder to rebuild it)");
        }
    }

    private void requireAllRows(int rows) {
        if (rows != labels.length) {
            throw new IllegalArgumentException("the embeddings have " + rows + " rows but there are " + labels.length
                    + " labels; the embedding cache and its labels.npy disagree (delete the cache folder to rebuild it)");
        }
    }
}
