package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.classify.ImageClassifier;
import org.splicecbm.classify.Prediction;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.splice.ClassDecompositions;
import org.splicecbm.splice.MeanDecomposition;
import org.splicecbm.splice.Splice;
import org.splicecbm.splice.SpliceDecomposition;
import org.splicecbm.splice.SpliceModel;
import org.splicecbm.splice.SpliceOptions;
import org.splicecbm.splice.WeightedConcept;

/**
 * The README's "Use as a library" examples: each method body is one ```java block of README.md, character for
 * character ({@link LibraryApiTest} checks this and runs them), with the names the README reads as SpLiCE's
 * ({@code backbone}, {@code vocabulary}, ...) bound to the tiny CLIP world.
 */
final class ReadmeExamples {
    String backbone;
    String vocabulary;
    int vocabularySize;
    SpliceOptions options;
    Path image;
    List<Path> images;
    int[] labels;
    ClipBackbone vlmBackbone;
    ImageMean imageMean;
    Path vocabPath;
    Path probeFolder;

    /** The example methods, in README order. */
    static final List<String> ORDER = List.of("loading", "decomposingAndRecomposing", "mappingWeightsToText", "datasetClassesInterventionForward", "ownBackbone", "imageToClass");

    void loading() throws Exception {
        try (SpliceModel splicemodel = Splice.load(backbone, vocabulary, vocabularySize, options.optL1(0.25))) {
            System.out.println(Splice.availableModels() + ": " + splicemodel.concepts().size() + " concepts");
        }
    }

    void decomposingAndRecomposing() throws Exception {
        try (SpliceModel splicemodel = Splice.load(backbone, vocabulary, vocabularySize, options.optL1(0.25))) {
            SpliceDecomposition sparseWeights = splicemodel.encodeImage(image);             // 1 x k weights
            float[][] reconstruction = splicemodel.recomposeImage(sparseWeights.weights()); // 1 x d
            System.out.println("l0 norm = " + sparseWeights.l0() + ", d = " + reconstruction[0].length);
        }
    }

    void mappingWeightsToText() throws Exception {
        try (SpliceModel splicemodel = Splice.load(backbone, vocabulary, vocabularySize, options.optL1(0.15))) {
            SpliceDecomposition decomposition = Splice.decomposeImage(image, splicemodel);
            for (WeightedConcept concept : decomposition.topConcepts(5)) {
                System.out.printf(Locale.ROOT, "%s %.4f%n", concept.concept(), concept.weight());
            }
            System.out.printf(Locale.ROOT, "Decomposition L0 Norm: %d%n", decomposition.l0());
            System.out.printf(Locale.ROOT, "CLIP, SpLiCE Cosine Sim: %.4f%n", decomposition.cosine());
        }
    }

    void datasetClassesInterventionForward() throws Exception {
        try (SpliceModel splicemodel = Splice.load(backbone, vocabulary, vocabularySize, options.optL1(0.25))) {
            MeanDecomposition dataset = Splice.decomposeDataset(images, splicemodel);
            ClassDecompositions classes = Splice.decomposeClasses(images, labels, 1, splicemodel);
            System.out.println(dataset.topConcepts(3) + ", mean L0 " + dataset.meanL0() + "; class 1: " + classes.of(1).topConcepts(3));
            SpliceDecomposition withoutDog = splicemodel.interveneImage(image, List.of("dog"));
            double[][] similarities = splicemodel.forward(List.of(image), List.of("a photo of a dog", "a photo of a car")).similarities();
            System.out.println(withoutDog.topConcepts(3) + " " + Arrays.toString(similarities[0]));
        }
    }

    void ownBackbone() throws Exception {
        ConceptDictionary concepts = Splice.dictionary(vlmBackbone, vocabPath.toString(), vocabularySize, options);
        try (SpliceModel splicemodel = Splice.custom(vlmBackbone, imageMean, concepts, options.optL1(0.25))) {
            System.out.println(splicemodel.encodeImage(image).topConcepts(3));
        }
    }

    void imageToClass() throws Exception {
        try (SpliceModel splicemodel = Splice.load(backbone, vocabulary, vocabularySize, options.optL1(0.25))) {
            Prediction prediction = ImageClassifier.load(splicemodel, probeFolder).predict(image);
            System.out.println(prediction.className() + " " + prediction.topContributions(3));
        }
    }
}
