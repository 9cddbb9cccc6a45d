package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.DecompositionSummary.ConceptWeight;
import org.splicecbm.decompose.DecompositionSummary;
import org.splicecbm.pipeline.DatasetDecomposition;
import org.splicecbm.report.ConceptBarPlot;
import org.splicecbm.runconfig.RunConfig;

/**
 * SpLiCE's {@code decompose_data.py} as a library call (Bhalla et al., NeurIPS 2024): the top concepts of a split's
 * (or one class's) mean decomposition, its mean L0 and mean cosine, and the bar plot of
 * {@code concept_distribution.py} under {@code output/decompositions/}.
 *
 * @param scope       what was decomposed, e.g. {@code cifar10 test, class cat (label 3)}
 * @param concepts    the top concepts' names, largest mean weight first
 * @param weights     their mean weights
 * @param meanL0      mean number of nonzero concepts per image
 * @param meanCosine  mean cosine between each centred embedding and its reconstruction
 * @param plot        the PNG (an SVG lies beside it)
 */
public record DatasetDecompositionReport(String scope, List<String> concepts, double[] weights, double meanL0,
                                         double meanCosine, Path plot) {

    /** Decomposes {@code split} of the config's dataset, or only {@code classLabel} when it is not null. */
    public static DatasetDecompositionReport run(RunConfig config, Split split, Integer classLabel, int top) throws IOException {
        if (classLabel != null) {
            requireClassBeforeEmbedding(Datasets.open(config.features().dataset()), split, classLabel);
        }
        DatasetDecomposition.Outcome outcome = DatasetDecomposition.run(config.features(), split);
        DecompositionSummary s = outcome.summary();
        String scope = outcome.dataset() + " " + outcome.split().key();
        List<ConceptWeight> topConcepts;
        if (classLabel == null) {
            topConcepts = s.topConcepts(top);
        } else {
            requireClass(outcome, classLabel);
            scope += ", class " + outcome.classNames().get(classLabel) + " (label " + classLabel + ")";
            topConcepts = s.topConcepts(classLabel, top);
        }
        List<String> names = topConcepts.stream().map(w -> outcome.concepts().get(w.concept())).toList();
        double[] weights = topConcepts.stream().mapToDouble(ConceptWeight::weight).toArray();
        Path base = config.output().resolve("decompositions").resolve(outcome.split().key() + (classLabel == null ? "" : "-class" + classLabel));
        Path png = ConceptBarPlot.write(scope, names, weights, base);
        return new DatasetDecompositionReport(scope, names, weights, classLabel == null ? s.meanL0() : s.meanL0(classLabel),
                classLabel == null ? s.meanCosine() : s.meanCosine(classLabel), png);
    }

    /** Prints the report as SpLiCE's script does, then where the plot is. */
    public void print(PrintStream out) {
        out.println("Decomposition of " + scope + ":");
        for (int i = 0; i < concepts.size(); i++) {
            out.printf(Locale.ROOT, "%s %.4f%n", concepts.get(i), weights[i]);
        }
        out.printf(Locale.ROOT, "Average Decomposition L0 Norm: %.4f%n", meanL0);
        out.printf(Locale.ROOT, "Average CLIP, SpLiCE Cosine Sim: %.4f%n", meanCosine);
        out.println("plot: " + plot + " (and .svg)");
    }

    /** The same rule as {@link #requireClass}, from the dataset's listing: no image is decoded or embedded for a wrong label. */
    private static void requireClassBeforeEmbedding(ImageDataset dataset, Split split, int classLabel) throws IOException {
        boolean present = classLabel >= 0 && classLabel < dataset.classNames().size()
                && dataset.samples(split).stream().anyMatch(s -> s.label() == classLabel);
        if (!present) {
            throw new IllegalArgumentException("--class-label must be a label with images in the " + split.key()
                    + " split, 0.." + (dataset.classNames().size() - 1) + "; found " + classLabel);
        }
    }

    private static void requireClass(DatasetDecomposition.Outcome outcome, int classLabel) {
        if (classLabel < 0 || classLabel >= outcome.classNames().size() || !outcome.summary().classes().contains(classLabel)) {
            throw new IllegalArgumentException("--class-label must be a label with images in the " + outcome.split().key()
                    + " split, 0.." + (outcome.classNames().size() - 1) + "; found " + classLabel);
        }
    }
}
