package org.splicecbm.extract;

import org.splicecbm.decompose.Decomposition;
import java.io.IOException;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.data.Split;
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
 * is over rows whose cosine is defined, i.e. not all-zero embeddings).
 */
final class DecompositionStage {
    private static final int MIN_ROWS_PER_BATCH = 256;
    private final FeatureJob job;

    DecompositionStage(FeatureJob job) {
        this.job = job;
    }

    FeatureSet run(Split split, CachedEmbeddings cached) throws IOException {
        ConceptSpace concepts = job.concepts();
        CsrBuilder weights = new CsrBuilder(concepts.size());
        double l0Sum = 0;
        double cosineSum = 0;
        long cosineRows = 0;
        int rowsPerBatch = Math.max(MIN_ROWS_PER_BATCH, job.embedding().batchSize());
        try (NpyMatrixReader reader = cached.openEmbeddings();
             ProgressBar bar = Progress.bar("decompose " + job.embedding().dataset().name() + "/" + split.key(), reader.rows(), "img")) {
            for (float[][] batch = reader.next(rowsPerBatch); batch.length > 0; batch = reader.next(rowsPerBatch)) {
                Decomposition result = job.decomposer().decompose(batch);
                requireShape(result, batch.length, concepts.size());
                weights.append(result.weights());
                for (int i = 0; i < batch.length; i++) {
                    l0Sum += result.l0()[i];
                    if (!Float.isNaN(result.cosine()[i])) { // NaN: an all-zero embedding has no angle
                        cosineSum += result.cosine()[i];
                        cosineRows++;
                    }
                }
                bar.stepBy(batch.length);
            }
        }
        long rows = weights.rows();
        FeatureSetMeta meta = new FeatureSetMeta(FeatureSetMeta.FORMAT_VERSION, job.embedding().backbone().name(),
                concepts.vocabulary(), concepts.size(), job.decomposer().l1Penalty(), job.decomposer().solver(),
                job.decomposer().tolerance(), concepts.imageMeanSource(), job.embedding().dataset().name(), split.key(), rows,
                rows == 0 ? 0 : l0Sum / rows, cosineRows == 0 ? 0 : cosineSum / cosineRows, job.embedding().clock().instant().toString(),
                concepts.dictionarySha256(), cached.meta().digest(), cached.meta().skippedImages(),
                job.embedding().dataset().classNames());
        return new FeatureSet(weights.build(), cached.labels(), concepts.concepts(), meta);
    }

    private void requireShape(Decomposition result, int rows, int cols) {
        if (result.weights().rows() != rows || result.weights().cols() != cols) {
            throw new IllegalStateException("decomposer returned a " + result.weights().rows() + " x "
                    + result.weights().cols() + " weight matrix for " + rows + " embeddings and " + cols + " concepts");
        }
    }
}
