package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code meta.json} of a feature set (ARCHITECTURE.md): how the SpLiCE concept weights (Bhalla et
 * al., NeurIPS 2024) were produced, so a feature file can be traced to its backbone, vocabulary,
 * sparsity penalty and data.
 *
 * @param formatVersion      {@link #FORMAT_VERSION}
 * @param backbone           backbone name, e.g. {@code open_clip:ViT-B-32}
 * @param vocabulary         vocabulary name or file
 * @param vocabularySize     number of concepts (columns)
 * @param l1Penalty          SpLiCE's l1 penalty
 * @param solver             solver name
 * @param tolerance          solver tolerance
 * @param imageMeanSource    where the image mean came from ({@code published}, {@code dataset}, a file...)
 * @param dataset            dataset name
 * @param split              {@code train}, {@code val} or {@code test}
 * @param rows               number of rows (images)
 * @param meanL0             mean number of nonzero concepts per image
 * @param meanCosine         mean cosine between each centred embedding and its reconstruction
 * @param createdAt          ISO-8601 instant
 * @param dictionarySha256   SHA-256 of the centred concept dictionary (float32 little-endian bytes)
 * @param embeddingCacheKey  digest of the embedding cache the rows came from
 * @param skippedImages      images left out by {@code on_bad_image: skip}
 * @param classes            class names by label ({@code labels.npy} value i names {@code classes[i]}; also
 *                           {@code classes.txt}); empty in feature sets written before they were recorded
 */
public record FeatureSetMeta(int formatVersion, String backbone, String vocabulary, int vocabularySize,
                             double l1Penalty, String solver, double tolerance, String imageMeanSource,
                             String dataset, String split, long rows, double meanL0, double meanCosine,
                             String createdAt, String dictionarySha256, String embeddingCacheKey,
                             List<SkippedImage> skippedImages, List<String> classes) {
    /** Version of the feature-set directory format. */
    public static final int FORMAT_VERSION = 1;

    public FeatureSetMeta {
        skippedImages = skippedImages == null ? List.of() : List.copyOf(skippedImages);
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** Without class names (callers that do not know them). */
    public FeatureSetMeta(int formatVersion, String backbone, String vocabulary, int vocabularySize, double l1Penalty,
                          String solver, double tolerance, String imageMeanSource, String dataset, String split, long rows,
                          double meanL0, double meanCosine, String createdAt, String dictionarySha256,
                          String embeddingCacheKey, List<SkippedImage> skippedImages) {
        this(formatVersion, backbone, vocabulary, vocabularySize, l1Penalty, solver, tolerance, imageMeanSource, dataset,
                split, rows, meanL0, meanCosine, createdAt, dictionarySha256, embeddingCacheKey, skippedImages, List.of());
    }

    /** The one reader of a feature set's {@code meta.json}: {@code featureSetDir/meta.json}, format version checked. */
    public static FeatureSetMeta read(Path featureSetDir) throws IOException {
        Path file = featureSetDir.resolve(FeatureSet.META);
        FeatureSetMeta meta = StoreJson.read(file, FeatureSetMeta.class);
        if (meta.formatVersion() != FORMAT_VERSION) {
            throw new IOException(file + ": format_version must be " + FORMAT_VERSION + ", found " + meta.formatVersion());
        }
        return meta;
    }
}
