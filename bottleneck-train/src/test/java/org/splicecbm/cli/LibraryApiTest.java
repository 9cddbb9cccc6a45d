package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.classify.ConceptContribution;
import org.splicecbm.classify.ImageClassifier;
import org.splicecbm.classify.Prediction;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.splice.ClassDecompositions;
import org.splicecbm.splice.MeanDecomposition;
import org.splicecbm.splice.Splice;
import org.splicecbm.splice.SpliceDecomposition;
import org.splicecbm.splice.SpliceModel;
import org.splicecbm.splice.SpliceOptions;
import org.splicecbm.splice.WeightedConcept;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

/**
 * The library API ({@code org.splicecbm.splice}, {@code org.splicecbm.classify}) against the CLI on the same inputs:
 * the tiny CLIP fixture as a model folder, drawn images, a 30-word vocabulary and the dataset's image mean. Every
 * number the CLI writes in full (feature sets, embeddings, probe probabilities) must be equal bit for bit; what it
 * prints rounded must print the same. Also runs README's "Use as a library" blocks, which must be the bodies of
 * {@link ReadmeExamples}.
 */
@Tag("heavy")
class LibraryApiTest {
    static final double L1 = 0.25;
    @TempDir
    static Path dir;
    static CliProcess splice;
    static Path model;
    static Path images;
    static Path vocabulary;
    static Path config;
    static Path meanFile;
    static ImageMean mean;
    static Split test;
    static SpliceOptions options;
    static SpliceModel splicemodel;

    /** One split of the CLI's embedding cache: rows, labels and image files in cache order. */
    record Split(float[][] embeddings, long[] labels, List<Path> files) {
        int[] intLabels() {
            return java.util.Arrays.stream(labels).mapToInt(Math::toIntExact).toArray();
        }
    }

    @BeforeAll
    static void world() throws Exception {
        splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString(), "SPLICE_CACHE", dir.resolve("cache").toString()));
        model = TinyWorld.model(dir.resolve("model"));
        images = TinyWorld.images(dir.resolve("images"), 16);
        vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        config = Files.writeString(dir.resolve("config.yaml"), TinyWorld.config(model.toString(), images, vocabulary, L1));
        ok(splice.run("features", "--config", config.toString()));
        ok(splice.run("train", "--config", config.toString()));
        Split train = cachedSplit("train");
        test = cachedSplit("test");
        mean = Splice.imageMean("tiny/train", train.embeddings()[0].length, List.<float[][]>of(train.embeddings()));
        meanFile = dir.resolve("mean.npy");
        Npy.writeFloat32Vector(meanFile, mean.vector());
        options = Splice.options().optImageMean(mean).optDictionaryCache(dir.resolve("cache/dictionaries")).optBatchSize(8);
        splicemodel = Splice.load(model.toString(), vocabulary.toString(), TinyWorld.WORDS.size(), options.optL1(L1));
    }

    @AfterAll
    static void close() {
        if (splicemodel != null) {
            splicemodel.close();
        }
    }

    @Test
    void decomposeEqualsTheFeatureSetsOfTheFeaturesCommandBitForBit() throws IOException {
        FeatureSet cli = FeatureSet.read(featureFamily().resolve("test"));
        SpliceDecomposition api = splicemodel.decompose(test.embeddings());
        assertCsrEquals(cli.features(), api.weights());
        assertEquals(cli.concepts(), api.concepts());
        assertTrue(cli.features().nnz() > 0, "the comparison must cover nonzero weights");
        assertEquals(cli.meta().dictionarySha256(), splicemodel.dictionary().provenance().matrixSha256());
    }

    @Test
    void encodeImageEqualsTheEmbedCommandThenDecomposeBitForBit() throws Exception {
        List<Path> files = test.files().subList(0, 5);
        List<String> args = new ArrayList<>(List.of("embed", "--backbone", model.toString(), "--batch-size", "8", "--out", "x.npy", "--images"));
        files.forEach(f -> args.add(f.toString()));
        ok(splice.run(args.toArray(String[]::new)));
        float[][] embedded = Npy.readFloatMatrix(dir.resolve("x.npy"));
        SpliceDecomposition api = splicemodel.encodeImage(files.toArray(Path[]::new));
        assertCsrEquals(splicemodel.decompose(embedded).weights(), api.weights());
        float[][] recomposed = splicemodel.recomposeImage(api.weights());
        assertArrayEquals(recomposed[2], api.embedding()[2]);
    }

    @Test
    void decomposeImagePrintsWhatTheDecomposeImageCommandPrints() throws Exception {
        Path image = test.files().get(0);
        CliProcess.Result cli = ok(splice.run("decompose-image", image.toString(), "--backbone", model.toString(), "--vocab",
                vocabulary.toString(), "--vocab-size", "30", "--l1", "0.15", "--image-mean", meanFile.toString(), "--top", "5"));
        try (SpliceModel at015 = Splice.load(model.toString(), vocabulary.toString(), 30, options.optL1(0.15))) {
            SpliceDecomposition d = Splice.decomposeImage(image, at015);
            StringBuilder api = new StringBuilder();
            for (WeightedConcept c : d.topConcepts(5)) {
                api.append(String.format(Locale.ROOT, "%s %.4f%n", c.concept(), c.weight()));
            }
            api.append(String.format(Locale.ROOT, "Decomposition L0 Norm: %d%nCLIP, SpLiCE Cosine Sim: %.4f%n", d.l0(), d.cosine()));
            assertEquals(cli.stdout(), api.toString());
            assertTrue(d.l0() > 0, cli.stdout());
        }
    }

    @Test
    void decomposeDatasetAndClassesPrintWhatDecomposeDataPrints() throws Exception {
        CliProcess.Result all = ok(splice.run("decompose-data", "--config", config.toString(), "--split", "test", "--top", "5"));
        CliProcess.Result one = ok(splice.run("decompose-data", "--config", config.toString(), "--split", "test", "--top", "5",
                "--class-label", "1"));
        MeanDecomposition dataset = Splice.decomposeDataset(test.files(), splicemodel);
        ClassDecompositions classes = Splice.decomposeClasses(test.files(), test.intLabels(), 1, splicemodel);
        assertEquals(numbers(all.stdout()), printed(dataset));
        assertEquals(numbers(one.stdout()), printed(classes.of(1)));
        assertEquals(List.of(1), List.copyOf(classes.byLabel().keySet()), "a target label decomposes only that class");
        assertEquals(classes.of(1).meanL0(), classes.meanL0(), 0, "with one class the overall mean is the class mean");
    }

    @Test
    void imageClassifierGivesTheTrainedProbesProbabilitiesBitForBit() throws Exception {
        Path probeFolder = runFolder().resolve("model");
        TrainedProbe probe = TrainedProbe.load(probeFolder);
        CsrMatrix features = FeatureSet.read(featureFamily().resolve("test")).features();
        ImageClassifier classifier = ImageClassifier.load(splicemodel, probeFolder);
        SpliceDecomposition decomposed = splicemodel.decompose(test.embeddings());
        int[] cli = probe.predict(features);
        for (int row = 0; row < test.labels().length; row++) {
            Prediction p = classifier.predict(decomposed, row);
            assertArrayEquals(probe.probabilities(features, row), p.probabilities(), "row " + row);
            assertEquals(cli[row], p.classIndex());
            assertEquals(classifier.classes().get(p.classIndex()), p.className());
            double previous = Double.POSITIVE_INFINITY;
            for (ConceptContribution c : p.contributions()) {
                assertEquals(c.weight() * c.coefficient(), c.contribution(), 0);
                assertEquals(probe.weights().weight(c.index(), p.classIndex()), c.coefficient(), 0);
                assertTrue(c.contribution() <= previous, "largest first");
                previous = c.contribution();
            }
        }
        Prediction fromFile = classifier.predict(test.files().get(0));
        assertEquals(1.0, sum(fromFile.probabilities()), 1e-5);
    }

    @Test
    void aProbeAndAModelThatDoNotBelongTogetherAreAnErrorNamingBoth() {
        Path probeFolder = runFolder().resolve("model");
        try (SpliceModel otherL1 = Splice.load(model.toString(), vocabulary.toString(), 30, options.optL1(0.15))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageClassifier.load(otherL1, probeFolder));
            assertTrue(e.getMessage().contains("l1 0.25") && e.getMessage().contains("l1 0.15"), e.getMessage());
        }
        try (SpliceModel fewer = Splice.load(model.toString(), vocabulary.toString(), 20, options.optL1(L1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageClassifier.load(fewer, probeFolder));
            assertTrue(e.getMessage().contains("30 concepts") && e.getMessage().contains("20 concepts"), e.getMessage());
        }
    }

    @Test
    void interveneByNameEqualsByIndexAndDropsOnlyThatConcept() throws Exception {
        Path image = test.files().get(0);
        SpliceDecomposition before = splicemodel.encodeImage(image);
        WeightedConcept top = before.topConcepts(1).get(0);
        SpliceDecomposition byName = splicemodel.interveneImage(image, List.of(" " + top.concept()));
        SpliceDecomposition byIndex = splicemodel.interveneImage(image, top.index());
        assertCsrEquals(byName.weights(), byIndex.weights());
        assertEquals(before.l0() - 1, byName.l0());
        List<WeightedConcept> rest = new ArrayList<>(before.topConcepts(Integer.MAX_VALUE));
        rest.remove(0);
        assertEquals(rest, byName.topConcepts(Integer.MAX_VALUE));
        assertTrue(byName.cosine() < before.cosine(), "removing the largest concept moves the embedding away");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> splicemodel.interveneImage(image, List.of("dgo")));
        assertTrue(e.getMessage().contains("unknown concept 'dgo': it is not in the 30-concept vocabulary") && e.getMessage().contains("dog"), e.getMessage());
    }

    @Test
    void forwardScoresTheSpliceImageEmbeddingAgainstTheTextEmbeddings() throws Exception {
        Path image = test.files().get(0);
        var forward = splicemodel.forward(List.of(image), List.of("dog", "red car"));
        float[] z = splicemodel.encodeImage(image).embedding()[0];
        float[][] t = splicemodel.encodeText(List.of("dog", "red car"));
        for (int k = 0; k < 2; k++) {
            double dot = 0;
            for (int j = 0; j < z.length; j++) {
                dot += (double) z[j] * t[k][j];
            }
            assertEquals(dot, forward.similarities()[0][k], 1e-6);
        }
    }

    @Test
    void catalogueHelpersAgreeWithTheModel() throws Exception {
        assertEquals(Map.of("clip", List.of("RN50", "ViT-B/16", "ViT-B/32"), "open_clip", List.of("ViT-B-32")), Splice.availableModels());
        assertEquals(splicemodel.concepts(), Splice.vocabulary(vocabulary.toString(), 30));
        var image = javax.imageio.ImageIO.read(test.files().get(0).toFile());
        assertArrayEquals(splicemodel.preprocessor().apply(image), Splice.preprocess(model.toString()).apply(image));
        try (var tokenizer = Splice.tokenizer(model.toString())) {
            assertEquals(1, tokenizer.encode(List.of("red car")).size());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splice.load(model.toString(), vocabulary.toString(), 31, options));
        assertTrue(e.getMessage().contains("vocabularySize must be in 1..30"), e.getMessage());
    }

    @Test
    void readmeBlocksAreTheExampleBodiesAndRun() throws Exception {
        String readme = Files.readString(repoFile("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(readme.indexOf("## Use as a library")));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        String source = Files.readString(repoFile("bottleneck-train/src/test/java/org/splicecbm/cli/ReadmeExamples.java"));
        List<String> bodies = new ArrayList<>();
        for (String name : ReadmeExamples.ORDER) {
            Matcher body = Pattern.compile("    void " + name + "\\(\\) throws Exception \\{\n(.*?)\n    }\n", Pattern.DOTALL).matcher(source);
            assertTrue(body.find(), name);
            bodies.add(body.group(1).lines().map(l -> l.isEmpty() ? l : l.substring(8)).reduce("", (a, b) -> a + b + "\n"));
        }
        assertEquals(blocks, bodies, "README.md's java blocks must be ReadmeExamples' method bodies, in order");

        ReadmeExamples examples = new ReadmeExamples();
        examples.backbone = model.toString();
        examples.vocabulary = vocabulary.toString();
        examples.vocabularySize = 30;
        examples.options = options;
        examples.image = test.files().get(0);
        examples.images = test.files();
        examples.labels = test.intLabels();
        examples.imageMean = mean;
        examples.vocabPath = vocabulary;
        examples.probeFolder = runFolder().resolve("model");
        CliProcess.Result cli = ok(splice.run("decompose-image", examples.image.toString(), "--backbone", model.toString(), "--vocab",
                vocabulary.toString(), "--vocab-size", "30", "--l1", "0.15", "--image-mean", meanFile.toString(), "--top", "5"));
        try (var vlm = ClipModels.open(model.toString(), BackboneOptions.defaults())) {
            examples.vlmBackbone = vlm;
            for (String name : ReadmeExamples.ORDER) {
                String out = captured(() -> ReadmeExamples.class.getDeclaredMethod(name).invoke(examples));
                assertFalse(out.isBlank(), name + " prints its result");
                if (name.equals("mappingWeightsToText")) {
                    assertEquals(cli.stdout(), out, "README's decomposition prints what decompose-image prints");
                }
            }
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String captured(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** decompose-data's concept lines and its two averages, as printed. */
    private static List<String> numbers(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("Decomposition of") && !l.startsWith("plot:")).toList();
    }

    private static List<String> printed(MeanDecomposition d) {
        List<String> out = new ArrayList<>();
        for (WeightedConcept c : d.topConcepts(5)) {
            out.add(String.format(Locale.ROOT, "%s %.4f", c.concept(), c.weight()));
        }
        out.add(String.format(Locale.ROOT, "Average Decomposition L0 Norm: %.4f", d.meanL0()));
        out.add(String.format(Locale.ROOT, "Average CLIP, SpLiCE Cosine Sim: %.4f", d.meanCosine()));
        return out;
    }

    private static CliProcess.Result ok(CliProcess.Result r) {
        assertEquals(0, r.exitCode(), r.all());
        return r;
    }

    private static Path featureFamily() {
        return dir.resolve("out/features/words.txt-" + TinyWorld.WORDS.size() + "-l1_" + L1);
    }

    private static Path runFolder() {
        try (Stream<Path> runs = Files.list(dir.resolve("out/runs"))) {
            return runs.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Split cachedSplit(String split) throws IOException {
        try (Stream<Path> metas = Files.walk(dir.resolve("out/embeddings"))) {
            for (Path meta : metas.filter(p -> p.getFileName().toString().equals("meta.json")).toList()) {
                if (split.equals(new ObjectMapper().readTree(meta.toFile()).path("key").path("split").asText())) {
                    Path cache = meta.getParent();
                    List<Path> files = Files.readAllLines(cache.resolve("items.txt")).stream().map(LibraryApiTest::imageFile).toList();
                    return new Split(Npy.readFloatMatrix(cache.resolve("embeddings.npy")), Npy.readLongVector(cache.resolve("labels.npy")), files);
                }
            }
        }
        throw new IllegalStateException("no " + split + " split in the embedding cache under " + dir.resolve("out/embeddings"));
    }

    private static Path imageFile(String item) {
        Path p = Path.of(item);
        return p.isAbsolute() ? p : images.resolve(item);
    }

    private static Path repoFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static void assertCsrEquals(CsrMatrix expected, CsrMatrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        assertArrayEquals(expected.indptr(), actual.indptr());
        assertArrayEquals(expected.indices(), actual.indices());
        assertArrayEquals(expected.data(), actual.data());
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
