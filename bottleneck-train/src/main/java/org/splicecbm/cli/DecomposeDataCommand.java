package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.DecompositionSummary;
import org.splicecbm.decompose.DecompositionSummary.ConceptWeight;
import org.splicecbm.pipeline.DatasetDecomposition;
import org.splicecbm.report.ConceptBarPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code splice decompose-data}: SpLiCE's {@code decompose_data.py} (top concepts of the mean
 * decomposition, mean L0, mean cosine) for a split or one class, with the bar plot of
 * {@code concept_distribution.py}.
 */
@Command(name = "decompose-data", mixinStandardHelpOptions = true,
        description = "Decompose a dataset split (or one class) and plot its top concepts.")
final class DecomposeDataCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--class-label", description = "decompose only this class (label index)")
    Integer classLabel;

    @Option(names = "--split", defaultValue = "test", description = "train | val | test (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--top", defaultValue = "10", description = "concepts to print and plot (default ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load();
        DatasetDecomposition.Outcome outcome = DatasetDecomposition.run(config.features(), Split.parse(split));
        DecompositionSummary s = outcome.summary();
        String scope = outcome.dataset() + " " + outcome.split().key();
        List<ConceptWeight> topConcepts;
        double meanL0;
        double meanCosine;
        if (classLabel == null) {
            topConcepts = s.topConcepts(top);
            meanL0 = s.meanL0();
            meanCosine = s.meanCosine();
        } else {
            requireClass(outcome);
            scope += ", class " + outcome.classNames().get(classLabel) + " (label " + classLabel + ")";
            topConcepts = s.topConcepts(classLabel, top);
            meanL0 = s.meanL0(classLabel);
            meanCosine = s.meanCosine(classLabel);
        }
        System.out.println("Decomposition of " + scope + ":");
        for (ConceptWeight w : topConcepts) {
            System.out.printf(Locale.ROOT, "%s %.4f%n", outcome.concepts().get(w.concept()), w.weight());
        }
        System.out.printf(Locale.ROOT, "Average Decomposition L0 Norm: %.4f%n", meanL0);
        System.out.printf(Locale.ROOT, "Average CLIP, SpLiCE Cosine Sim: %.4f%n", meanCosine);
        Path base = config.output().resolve("decompositions").resolve(outcome.split().key() + (classLabel == null ? "" : "-class" + classLabel));
        Path png = ConceptBarPlot.write(scope, topConcepts.stream().map(w -> outcome.concepts().get(w.concept())).toList(),
                topConcepts.stream().mapToDouble(ConceptWeight::weight).toArray(), base);
        System.out.println("plot: " + png + " (and .svg)");
        return 0;
    }

    private void requireClass(DatasetDecomposition.Outcome outcome) {
        if (classLabel < 0 || classLabel >= outcome.classNames().size() || !outcome.summary().classes().contains(classLabel)) {
            throw new IllegalArgumentException("--class-label must be a label with images in the " + outcome.split().key()
                    + " split, 0.." + (outcome.classNames().size() - 1) + "; found " + classLabel);
        }
    }
}
