package org.splicecbm.spark;

import java.io.Serializable;
import java.util.Locale;

/**
 * What the Spark feature job computes, the same knobs as the single-machine {@code features} stage: the CLIP
 * backbone, SpLiCE's vocabulary and size, the image mean, the l1 penalty and solver tolerance of the nonnegative
 * lasso (Bhalla et al., NeurIPS 2024, Eq. 3), the batch size, {@code on_bad_image}, and whether the dense
 * embedding is kept. Serializable: it travels to the executors, and {@link #key()} names the per-executor
 * backbone cache ({@link ExecutorSplice}). Build with {@link #builder()}.
 *
 * @param backbone       backbone spec ({@code open_clip:ViT-B-32}, {@code hf:org/repo}, or a model folder
 *                       readable at the same path on every executor)
 * @param vocabulary     vocabulary name ({@code laion}...) or file
 * @param vocabularySize k, the number of concepts (last k lines of the vocabulary, as in SpLiCE)
 * @param imageMean      {@code published} (SpLiCE's mean for the backbone) or a {@code .npy} float32 vector file
 * @param l1             SpLiCE's l1 penalty
 * @param tolerance      relative duality-gap tolerance of the solver
 * @param batchSize      images per forward pass (within a partition)
 * @param shardRows      manifest rows per output shard (a multiple of the batch size: shards batch like one machine)
 * @param skipBadImages  {@code on_bad_image: skip} (record and continue) instead of {@code fail}
 * @param keepEmbedding  also write the dense raw CLIP embedding column
 * @param device         {@code cpu}, {@code gpu} or {@code auto} for the backbone on each executor
 */
public record SpliceSettings(String backbone, String vocabulary, int vocabularySize, String imageMean, double l1,
                             double tolerance, int batchSize, int shardRows, boolean skipBadImages,
                             boolean keepEmbedding, String device) implements Serializable {
    /** {@code image_mean} value selecting SpLiCE's published mean. */
    public static final String PUBLISHED_MEAN = "published";

    public SpliceSettings {
        require(backbone != null && !backbone.isBlank(), "backbone", "name a backbone", backbone);
        require(vocabulary != null && !vocabulary.isBlank(), "vocabulary", "name a vocabulary", vocabulary);
        require(vocabularySize >= 1, "vocabulary_size", "be >= 1", vocabularySize);
        require(imageMean != null && !imageMean.isBlank(), "image_mean", "be 'published' or a .npy file", imageMean);
        require(Double.isFinite(l1) && l1 >= 0, "l1", "be a finite number >= 0", l1);
        require(tolerance > 0 && tolerance < 1, "tolerance", "be in (0, 1)", tolerance);
        require(batchSize >= 1, "batch_size", "be >= 1", batchSize);
        require(shardRows >= batchSize && shardRows % batchSize == 0, "shard_rows",
                "be a positive multiple of batch_size (" + batchSize + ") so shards batch images like one machine", shardRows);
        device = device == null ? "cpu" : device.toLowerCase(Locale.ROOT);
    }

    /** A builder with the single-machine defaults (batch 32, shards of 1,024 rows, fail on bad images, CPU). */
    public static Builder builder() {
        return new Builder();
    }

    /** Identity of what an executor has to load: equal keys share one backbone and one decomposer per JVM. */
    public String key() {
        return String.join("|", backbone, vocabulary, Integer.toString(vocabularySize), imageMean, Double.toString(l1),
                Double.toString(tolerance), device);
    }

    private static void require(boolean ok, String key, String rule, Object found) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must " + rule + ", found " + found);
        }
    }

    /** Builder for {@link SpliceSettings}; required: backbone, vocabulary, size, l1. */
    public static final class Builder {
        private String backbone;
        private String vocabulary;
        private int vocabularySize;
        private String imageMean = PUBLISHED_MEAN;
        private double l1 = Double.NaN;
        private double tolerance = org.splicecbm.decompose.SolverOptions.defaults().relativeGapTolerance();
        private int batchSize = 32;
        private int shardRows = 1024;
        private boolean skipBadImages;
        private boolean keepEmbedding;
        private String device = "cpu";

        public Builder backbone(String spec) { this.backbone = spec; return this; }
        public Builder vocabulary(String name, int size) { this.vocabulary = name; this.vocabularySize = size; return this; }
        public Builder imageMean(String publishedOrFile) { this.imageMean = publishedOrFile; return this; }
        public Builder l1(double penalty) { this.l1 = penalty; return this; }
        public Builder tolerance(double relativeGap) { this.tolerance = relativeGap; return this; }
        public Builder batchSize(int images) { this.batchSize = images; return this; }
        public Builder shardRows(int rows) { this.shardRows = rows; return this; }
        public Builder skipBadImages(boolean skip) { this.skipBadImages = skip; return this; }
        public Builder keepEmbedding(boolean keep) { this.keepEmbedding = keep; return this; }
        public Builder device(String choice) { this.device = choice; return this; }

        public SpliceSettings build() {
            return new SpliceSettings(backbone, vocabulary, vocabularySize, imageMean, l1, tolerance, batchSize,
                    shardRows, skipBadImages, keepEmbedding, device);
        }
    }
}
