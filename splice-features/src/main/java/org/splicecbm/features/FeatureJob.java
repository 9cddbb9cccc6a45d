package org.splicecbm.features;

import java.nio.file.Path;
import org.splicecbm.data.Split;

/**
 * The whole feature stage: embed (see {@link EmbeddingJob}), then decompose every split with SpLiCE
 * and write {@code outputDir/<split>/} as a feature set.
 *
 * @param embedding  stage 1: images, backbone, cache
 * @param concepts   column names and provenance of the concept dictionary
 * @param decomposer the SpLiCE solver for that dictionary, image mean and l1
 * @param outputDir  where the feature-set directories go
 */
public record FeatureJob(EmbeddingJob embedding, ConceptSpace concepts, BatchDecomposer decomposer, Path outputDir) {

    /** The feature-set directory of {@code split}. */
    public Path featureSetDir(Split split) {
        return outputDir.resolve(split.key());
    }
}
