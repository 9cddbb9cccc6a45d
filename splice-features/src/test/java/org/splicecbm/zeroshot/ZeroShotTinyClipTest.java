package org.splicecbm.zeroshot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularyRules;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.testing.DrawnShapes;

/**
 * The zero-shot study with real parts on a tiny world: the tiny-clip-quickgelu fixture (d = 24), drawn
 * circles, squares and stripes, a 30-concept dictionary and the images' own mean.
 */
class ZeroShotTinyClipTest {
    static final List<String> WORDS = List.of("dog", "forest", "photo", "glasses", "car", "cat", "police", "land", "lazy",
            "back", "bird", "red", "deer", "eyewear", "fox", "frog", "horse", "hatchback", "jumps", "lorry", "over",
            "pumpkin", "quick", "street", "sunglasses", "truck", "red car", "lazy dog", "police car", "forest bird");
    static final List<String> CLASSES = List.of("circles", "squares", "stripes");
    static HfClipBackbone clip;
    static float[][] images;
    static long[] labels;
    static ZeroShotStudy study;
    static ConceptDictionary dictionary;
    static ImageMean mean;

    @BeforeAll
    static void world() throws URISyntaxException {
        System.setProperty("splice.noProgress", "true");
        Path model = Path.of(ZeroShotTinyClipTest.class.getResource("/fixtures/clip/tiny-clip-quickgelu").toURI());
        clip = HfClipBackbone.load(model, new BackboneOptions(DeviceChoice.CPU, 1, 16));
        drawAndEmbed(20);
        Vocabulary vocabulary = Vocabulary.parse((String.join("\n", WORDS) + "\n").getBytes(StandardCharsets.UTF_8),
                "tiny", "tiny.txt", "test", VocabularyRules.STRICT);
        dictionary = ConceptDictionaries.build(clip, vocabulary, WORDS.size());
        mean = ImageMeans.fromEmbeddings("drawn", clip.embeddingDim(), List.<float[][]>of(images));
        ZeroShotClassifier classifier = new ClassPrompts(ClassPrompts.DEFAULT_TEMPLATE, CLASSES).embed(clip);
        study = new ZeroShotStudy(batchesOf(7), labels, classifier, "drawn");
    }

    @AfterAll
    static void close() {
        clip.close();
    }

    /**
     * Without an image mean, SpLiCE's reconstruction {@code normalize(w C)} of a nearly unpenalised
     * solve is the image's own direction (30 concepts span the 24 dimensions), so it classifies
     * exactly as dense CLIP does.
     */
    @Test
    @Tag("heavy") // ~12 s: the solver is slowest as l1 -> 0
    void nearlyUnpenalisedReconstructionsWithoutAMeanClassifyLikeDenseClip() {
        // a fifth of the images: this near-degenerate solve (l1 -> 0, no centring) is the solver's slowest case
        int[] rows = IntStream.range(0, images.length).filter(i -> i % 5 == 0).toArray();
        float[][] subset = IntStream.of(rows).mapToObj(i -> images[i]).toArray(float[][]::new);
        long[] subsetLabels = IntStream.of(rows).mapToLong(i -> labels[i]).toArray();
        ZeroShotStudy small = new ZeroShotStudy(List.<float[][]>of(subset), subsetLabels, study.classifier(), "subset");
        ZeroShotResult dense = small.dense();
        ZeroShotResult splice = spliceAt(small, 1e-4, new float[clip.embeddingDim()]);
        System.out.println("tiny world, no image mean: dense " + dense + "\n  splice " + splice);
        assertEquals(subset.length, splice.images());
        assertTrue(splice.meanCosine() > 0.999, "dense-ish reconstruction: " + splice);
        assertEquals(dense.accuracy(), splice.accuracy(), 1e-12, "dense " + dense + " vs splice " + splice);
    }

    /**
     * With an image mean m, SpLiCE's reconstruction tends (as l1 -> 0) to
     * {@code normalize(normalize(z - m) + m)}, which is not z unless |z - m| = 1 (SPLICE.md step 4):
     * the study must classify that limit, whatever dense CLIP scores.
     */
    @Test
    @Tag("heavy") // ~7 s, as above
    void nearlyUnpenalisedReconstructionsWithTheMeanClassifyLikeTheirClosedFormLimit() {
        float[][] limits = new float[images.length][];
        double cosineSum = 0;
        for (int i = 0; i < images.length; i++) {
            limits[i] = limit(images[i], mean.vector());
            cosineSum += cosine(limits[i], images[i]);
        }
        ZeroShotResult limit = new ZeroShotStudy(List.<float[][]>of(limits), labels, study.classifier(), "limit").dense();
        ZeroShotResult splice = spliceAt(study, 1e-4, mean.vector());
        System.out.println("tiny world, dataset mean: closed-form limit " + limit + " cosine " + cosineSum / images.length
                + "\n  splice " + splice + "\n  dense " + study.dense());
        assertEquals(cosineSum / images.length, splice.meanCosine(), 1e-3, "fidelity of the limit: " + splice);
        assertEquals(limit.accuracy(), splice.accuracy(), 1e-12, "limit " + limit + " vs splice " + splice);
    }

    @Test
    void meanL0FallsAsThePenaltyGrows() {
        List<ZeroShotResult> rows = new ArrayList<>();
        for (double l1 : new double[] {0.01, 0.1, 0.3}) {
            rows.add(spliceAt(l1));
        }
        System.out.println("tiny world sweep: " + rows);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).meanL0() < rows.get(i - 1).meanL0(), "L0 must fall with l1: " + rows);
            assertTrue(rows.get(i).meanCosine() < rows.get(i - 1).meanCosine() + 1e-9, "fidelity must not rise with l1: " + rows);
        }
    }

    private static ZeroShotResult spliceAt(double l1) {
        return spliceAt(study, l1, mean.vector());
    }

    private static ZeroShotResult spliceAt(ZeroShotStudy on, double l1, float[] imageMean) {
        // near l1 = 0 the 30 concepts in 24 dimensions make the solution non-unique, and the default
        // bound of 100 working-set rounds is not enough; a 1e-4 relative gap is ample for comparing argmaxes
        SolverOptions options = new SolverOptions(1e-4, 1000, 1, 16, 1024, SolverOptions.DEFAULT_GRAM_BUDGET_BYTES);
        try (SpliceDecomposer decomposer = new SpliceDecomposer(dictionary.vectors(), imageMean, l1, options)) {
            return on.splice(decomposer, l1);
        }
    }

    private static float[] limit(float[] raw, float[] m) {
        double[] z = unit(raw);
        double[] centred = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            centred[k] = z[k] - m[k];
        }
        centred = unit(centred);
        float[] out = new float[z.length];
        for (int k = 0; k < z.length; k++) {
            out[k] = (float) (centred[k] + m[k]);
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double[] x = unit(a);
        double[] y = unit(b);
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }

    private static double[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return unit(d);
    }

    private static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] / n;
        }
        return out;
    }

    private static Iterable<float[][]> batchesOf(int rows) {
        List<float[][]> batches = new ArrayList<>();
        for (int start = 0; start < images.length; start += rows) {
            batches.add(java.util.Arrays.copyOfRange(images, start, Math.min(images.length, start + rows)));
        }
        return batches;
    }

    /** Circles, squares and stripes in three colours on dark noise, deterministic. */
    private static void drawAndEmbed(int perClass) {
        SplittableRandom random = new SplittableRandom(7);
        ImagePreprocessor preprocessor = new ImagePreprocessor(clip.preprocessing());
        float[][] pixels = new float[CLASSES.size() * perClass][];
        labels = new long[pixels.length];
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = DrawnShapes.draw(c, random);
                pixels[c * perClass + i] = preprocessor.apply(image);
                labels[c * perClass + i] = c;
            }
        }
        images = clip.embedImages(pixels);
    }
}
