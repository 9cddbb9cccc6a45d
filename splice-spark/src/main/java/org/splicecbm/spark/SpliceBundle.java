package org.splicecbm.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.store.Npy;

/**
 * Everything an executor needs besides the backbone weights, prepared once on the driver and broadcast: the
 * centred concept dictionary of SpLiCE (Bhalla et al., NeurIPS 2024, Sec. 4.1; from the shared dictionary cache,
 * or encoded there with the backbone's text tower), its concept names, the image mean, and the provenance
 * written beside the output. Broadcasting the dictionary (k x d floats: 20 MB for laion-10k at d = 512) means
 * executors never run the text tower and all of them decompose against the bit-identical matrix.
 *
 * @param settings      the job's settings
 * @param concepts      concept names in dictionary row order (= feature column order)
 * @param dictionary    k x d centred dictionary
 * @param imageMean     d-vector subtracted before decomposing
 * @param provenance    backbone identity, vocabulary, dictionary SHA-256, image-mean source
 */
public record SpliceBundle(SpliceSettings settings, List<String> concepts, float[][] dictionary, float[] imageMean,
                           Provenance provenance) implements Serializable {

    /** Where the numbers come from (recorded in the Parquet footer and {@code _splice.json}). */
    public record Provenance(String backbone, String backboneIdentity, int embeddingDim, String vocabulary,
                             int vocabularySize, String dictionarySha256, String imageMeanSource) implements Serializable {}

    /** Loads the backbone once on the driver to build or read the dictionary, then closes it. */
    public static SpliceBundle prepare(SpliceSettings settings) {
        return prepare(settings, Optional.empty());
    }

    /**
     * As {@link #prepare(SpliceSettings)}, with the image mean already computed (from the training images,
     * {@link DatasetImageMean}) instead of read as {@code settings.imageMean()} says.
     */
    public static SpliceBundle prepare(SpliceSettings settings, ImageMean computedMean) {
        return prepare(settings, Optional.of(computedMean));
    }

    private static SpliceBundle prepare(SpliceSettings settings, Optional<ImageMean> computedMean) {
        Vocabulary vocabulary = VocabularySource.fromEnvironment().resolve(settings.vocabulary());
        try (ClipBackbone backbone = ClipModels.open(settings.backbone(),
                new BackboneOptions(DeviceChoice.parse(settings.device()), 0, settings.batchSize()))) {
            ConceptDictionary dictionary = ConceptDictionaries.load(backbone, vocabulary, settings.vocabularySize(),
                    ConceptDictionaries.defaultCacheDir());
            ImageMean mean = computedMean.orElseGet(() -> imageMean(settings, backbone.name(), dictionary.dim()));
            if (mean.dim() != dictionary.dim()) {
                throw new IllegalArgumentException("the image mean (" + mean.source() + ") has " + mean.dim()
                        + " values but the backbone embeds into " + dictionary.dim() + " dimensions");
            }
            Provenance provenance = new Provenance(backbone.name(), ClipModels.identity(settings.backbone()),
                    backbone.embeddingDim(), dictionary.provenance().vocabulary(), dictionary.size(),
                    dictionary.provenance().matrixSha256(), mean.source());
            return new SpliceBundle(settings, dictionary.concepts(), dictionary.vectors(), mean.vector(), provenance);
        }
    }

    /**
     * What an executor's decomposer depends on: the settings, the dictionary's and the image mean's bytes (a mean
     * computed from a dataset is not named by the settings, and a vocabulary file may change under the same name).
     */
    String key() {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4 * imageMean.length);
        bytes.asFloatBuffer().put(imageMean);
        return settings.key() + "|" + provenance.dictionarySha256() + "|" + sha256(bytes.array());
    }

    private static ImageMean imageMean(SpliceSettings settings, String backboneName, int dim) {
        if (settings.imageMean().equals(SpliceSettings.PUBLISHED_MEAN)) {
            return ImageMeans.published(backboneName);
        }
        Path file = Path.of(settings.imageMean());
        try {
            float[] vector = Npy.read(file).toFloatVector();
            if (vector.length != dim) {
                throw new IllegalArgumentException("image_mean " + file + " holds " + vector.length
                        + " values but the backbone embeds into " + dim + " dimensions");
            }
            return new ImageMean(vector, "file:" + file.getFileName() + ":" + sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("image_mean: cannot read " + file + " (" + e.getMessage()
                    + "); give 'published' or a float32 .npy vector", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
