package org.splicecbm.splice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.splicecbm.backbone.BackboneCatalog;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.backbone.ClipTokenizer;
import org.splicecbm.backbone.HfClipConfig;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.SpliceData;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.hub.HubClient;
import org.splicecbm.image.ImagePreprocessor;

/**
 * SpLiCE's {@code splice} module in Java (Bhalla et al., "Interpreting CLIP with Sparse Linear Concept Embeddings",
 * NeurIPS 2024; the reference README's "API" section, point by point): {@link #load} (SpLiCE's {@code splice.load}),
 * {@link #custom} ({@code SPLICE(image_mean, concepts, clip=...)}), {@link #availableModels}, {@link #vocabulary},
 * {@link #tokenizer}, {@link #preprocess}, and the summaries {@link #decomposeImage}, {@link #decomposeClasses} and
 * {@link #decomposeDataset}.
 */
public final class Splice {
    private Splice() {}

    /** Default options (l1 0.25, device auto, SpLiCE's published image mean); change them with {@code optX}. */
    public static SpliceOptions options() {
        return SpliceOptions.defaults();
    }

    /**
     * SpLiCE's {@code splice.load}: opens {@code backbone} (a name such as {@code open_clip:ViT-B-32},
     * {@code hf:<org>/<repo>} or a model folder), encodes the last {@code vocabularySize} concepts of
     * {@code vocabulary} ({@code laion}, {@code laion_bigrams}, {@code mscoco} or a vocabulary file) into the centred
     * dictionary (cached), and takes SpLiCE's published image mean of the backbone unless the options give one.
     * The model owns the backbone: closing it closes the backbone.
     */
    public static SpliceModel load(String backbone, String vocabulary, int vocabularySize, SpliceOptions options) {
        SpliceData data = SpliceAssembly.data(options.downloadRoot());
        Vocabulary vocab = resolveVocabulary(vocabulary, data);
        if (vocabularySize < 1 || vocabularySize > vocab.size()) { // before the backbone is loaded
            throw new IllegalArgumentException("vocabularySize must be in 1.." + vocab.size() + " for vocabulary "
                    + vocab.name() + ", found " + vocabularySize);
        }
        ClipBackbone model = ClipModels.open(backbone, options.backbone());
        try {
            ImageMean mean = SpliceAssembly.imageMean(model, options.imageMean(), data);
            ConceptDictionary dictionary = SpliceAssembly.dictionary(model, vocab, vocabularySize, options.dictionaryCacheOrDefault());
            return new SpliceModel(model, true, dictionary, mean, options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * SpLiCE's {@code SPLICE(image_mean, concepts, clip=backbone)}: a model over any backbone, an image mean and a
     * concept dictionary, checked to belong together ({@link ConceptBasisCheck}); the options' image mean is not
     * used. The backbone stays the caller's: closing the model leaves it open.
     */
    public static SpliceModel custom(ClipBackbone backbone, ImageMean imageMean, ConceptDictionary dictionary, SpliceOptions options) {
        return new SpliceModel(backbone, false, dictionary, imageMean, options);
    }

    /**
     * The centred concept dictionary of the last {@code size} concepts of {@code vocabulary} encoded by
     * {@code backbone} (cached), for {@link #custom}.
     */
    public static ConceptDictionary dictionary(ClipBackbone backbone, String vocabulary, int size, SpliceOptions options) {
        Vocabulary vocab = resolveVocabulary(vocabulary, SpliceAssembly.data(options.downloadRoot()));
        return SpliceAssembly.dictionary(backbone, vocab, size, options.dictionaryCacheOrDefault());
    }

    /** The SpLiCE image mean of raw image embeddings: each L2-normalised, then averaged; labelled {@code dataset:<name>,<count>}. */
    public static ImageMean imageMean(String name, int dim, Iterable<float[][]> rawEmbeddingBatches) {
        return ImageMeans.fromEmbeddings(name, dim, rawEmbeddingBatches);
    }

    /** SpLiCE's {@code available_models()}: library to model names with a published image mean. */
    public static Map<String, List<String>> availableModels() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String name : ImageMeans.PUBLISHED_DIMS.keySet()) {
            int colon = name.indexOf(':');
            out.computeIfAbsent(name.substring(0, colon), k -> new ArrayList<>()).add(name.substring(colon + 1));
        }
        out.replaceAll((library, models) -> models.stream().sorted().toList());
        return java.util.Collections.unmodifiableMap(out);
    }

    /** SpLiCE's {@code get_vocabulary(name, k)}: the last k concepts, least frequent first. */
    public static List<String> vocabulary(String name, int k) {
        return vocabulary(name, k, null);
    }

    /** SpLiCE's {@code get_vocabulary(name, k, download_root)}. */
    public static List<String> vocabulary(String name, int k, Path downloadRoot) {
        Vocabulary vocab = resolveVocabulary(name, SpliceAssembly.data(downloadRoot));
        if (k < 1 || k > vocab.size()) {
            throw new IllegalArgumentException("k must be in 1.." + vocab.size() + " for vocabulary " + vocab.name() + ", found " + k);
        }
        return vocab.lastK(k);
    }

    /**
     * SpLiCE's {@code get_tokenizer(name)} for a Hugging Face format backbone ({@code open_clip:ViT-B-32},
     * {@code clip:ViT-B/32}, {@code clip:ViT-B/16}, {@code hf:...} or a model folder). The caller closes it.
     */
    public static ClipTokenizer tokenizer(String name) {
        BackboneCatalog.Source source = BackboneCatalog.resolve(name);
        if (source.kind() != BackboneCatalog.Kind.VIT_HF) {
            throw new IllegalArgumentException("tokenizer(name) supports Hugging Face format backbones; " + name
                    + " is an OpenCLIP ResNet: use the model's encodeText instead");
        }
        try {
            Path dir = source.modelDirectory(HubClient.fromEnvironment());
            HfClipConfig.Text text = HfClipConfig.read(dir.resolve("config.json")).text();
            return ClipTokenizer.open(dir.resolve("tokenizer.json"), text.maxPositionEmbeddings(), text.padTokenId());
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch the tokenizer of " + name + ": " + e.getMessage(), e);
        }
    }

    /** SpLiCE's {@code get_preprocess(name)}: the image preprocessing the backbone's image tower expects. */
    public static ImagePreprocessor preprocess(String name) {
        try (ClipBackbone backbone = ClipModels.open(name, options().backbone())) {
            return new ImagePreprocessor(backbone.preprocessing());
        }
    }

    /** SpLiCE's {@code decompose_image(image, splicemodel)}: the weights, L0 and cosine of one image. */
    public static SpliceDecomposition decomposeImage(Path image, SpliceModel model) throws IOException {
        return model.encodeImage(image);
    }

    /** SpLiCE's {@code decompose_dataset(dataloader, splicemodel)}: mean weights, mean L0 and mean cosine of the images. */
    public static MeanDecomposition decomposeDataset(List<Path> images, SpliceModel model) throws IOException {
        return DatasetSummaries.dataset(images, model);
    }

    /**
     * SpLiCE's {@code decompose_classes(dataloader, target_label, splicemodel)}: the mean decomposition of each class
     * ({@code labels[i]} is the class of {@code images.get(i)}), only of {@code targetLabel} when it is not null, and
     * the mean L0 and cosine over the images decomposed.
     */
    public static ClassDecompositions decomposeClasses(List<Path> images, int[] labels, Integer targetLabel, SpliceModel model)
            throws IOException {
        return DatasetSummaries.classes(images, labels, targetLabel, model);
    }

    private static Vocabulary resolveVocabulary(String nameOrFile, SpliceData data) {
        if (nameOrFile == null || (!VocabularySource.BUILT_IN.contains(nameOrFile) && !nameOrFile.startsWith("~/") && !Files.isRegularFile(Path.of(nameOrFile)))) {
            throw new IllegalArgumentException("vocabulary must be one of " + VocabularySource.BUILT_IN
                    + " or a vocabulary file (one concept per line, least frequent first), found " + nameOrFile);
        }
        return SpliceAssembly.vocabulary(nameOrFile, data);
    }
}
