package org.splicecbm.features;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;
import org.splicecbm.store.NpyMatrixReader;

/**
 * Stage 2 of the feature stage: streams cached embeddings through the SpLiCE decomposer a batch at a
 * time (memory: one batch of dense embeddings plus the sparse result) and assembles the feature set
 * with its mean L0 and mean cosine, the two numbers SpLiCE reports for a decomposition (the mean cosine
 * is over rows whose cosine is defined, i.e. not all-zero embeddings). Several l1 values are solved in
 * the same pass over the embeddings ({@link BatchDecomposer#decomposePath}), one feature set each.
 */
final class DecompositionStage {
    private static final int MIN_ROWS_PER_BATCH = 256;
    private final FeatureJob job;

    DecompositionStage(FeatureJob job) {
        this.job = job;
    }

    /** The feature sets of {@code split} at each l1 of {@code l1Values}, in that order, from one pass. */
    List<FeatureSet> runPath(Split split, CachedEmbeddings cached, List<Double> l1Values) throws IOException {
        ConceptSpace concepts = job.concepts();
        List<Totals> totals = new ArrayList<>();
        for (int v = 0; v < l1Values.size(); v++) {
            totals.add(new Totals(new CsrBuilder(concepts.size())));
        }
        int rowsPerBatch = Math.max(MIN_ROWS_PER_BATCH, job.embedding().batchSize());
        try (NpyMatrixReader reader = cached.openEmbeddings();
             ProgressBar bar = Progress.bar("decompose " + job.embedding().dataset().name() + "/" + split.key(), reader.rows(), "img")) {
            for (float[][] batch = reader.next(rowsPerBatch); batch.length > 0; batch = reader.next(rowsPerBatch)) {
                List<Decomposition> results = job.decomposer().decomposePath(batch, l1Values);
                for (int v = 0; v < l1Values.size(); v++) {
                    requireShape(results.get(v), batch.length, concepts.size());
                    totals.get(v).add(results.get(v));
                }
                bar.stepBy(batch.length);
            }
        }
        List<FeatureSet> sets = new ArrayList<>();
        for (int v = 0; v < l1Values.size(); v++) {
            sets.add(featureSet(split, cached, l1Values.get(v), totals.get(v)));
        }
        return sets;
    }

    private FeatureSet featureSet(Split split, CachedEmbeddings cached, double l1, Totals t) {
        ConceptSpace concepts = job.concepts();
        long rows = t.weights.rows();
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, job.embedding().backbone().name(),
                concepts.vocabulary(), concepts.size(), l1, job.decomposer().solver(),
                job.decomposer().tolerance(), concepts.imageMeanSource(), job.embedding().dataset().name(), split.key(), rows,
                rows == 0 ? 0 : t.l0Sum / rows, t.cosineRows == 0 ? 0 : t.cosineSum / t.cosineRows, job.embedding().clock().instant().toString(),
                concepts.dictionarySha256(), cached.meta().digest(), cached.meta().skippedImages(),
                job.embedding().dataset().classNames());
        return new FeatureSet(t.weights.build(), cached.labels(), concepts.concepts(), meta);
    }

    /** One l1 value's weights and running sums. */
    private static final class Totals {
        final CsrBuilder weights;
        double l0Sum;
        double cosineSum;
        long cosineRows;

        Totals(CsrBuilder weights) {
            this.weights = weights;
        }

        void add(Decomposition result) {
            weights.append(result.weights());
            for (int i = 0; i < result.l0().length; i++) {
                l0Sum += result.l0()[i];
                if (!Float.isNaN(result.cosine()[i])) { // NaN: an all-zero embedding has no angle
                    cosineSum += result.cosine()[i];
                    cosineRows++;
                }
            }
        }
    }

    private void requireShape(Decomposition result, int rows, int cols) {
        if (result.weights().rows() != rows || result.weights().cols() != cols) {
            throw new IllegalStateException("decomposer returned a " + result.weights().rows() + " x "
                    + result.weights().cols() + " weight matrix for " + rows + " embeddings and " + cols + " concepts");
        }
    }
}
