package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.analysis.HistogramStudy;
import org.splicecbm.runconfig.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code splice histogram}: SpLiCE's concept histogram for spurious correlations (Bhalla et al., NeurIPS 2024,
 * Fig. 4): per image the mean weight of the chosen concepts, per class a histogram and the active share.
 */
@Command(name = "histogram", mixinStandardHelpOptions = true,
        description = "Concept histograms per class: spurious-correlation check (SpLiCE's concept_histogram.py).")
final class HistogramCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--classes", required = true, split = ",", description = "class names, comma-separated (e.g. man,woman)")
    List<String> classes;

    @Option(names = "--concepts", required = true, split = ",", description = "concept names, comma-separated")
    List<String> concepts;

    @Option(names = "--splits", split = ",", description = "splits to pool (default: all the dataset has; the reference pools train and test)")
    List<String> splits = List.of();

    @Option(names = "--out", description = "output folder (default: <output>/histogram)")
    Path out;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load();
        Path folder = out != null ? out : config.output().resolve("histogram");
        new HistogramStudy(config, classes, concepts, splits, folder).run().forEach(System.out::println);
        return 0;
    }
}
