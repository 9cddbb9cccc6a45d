package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.analysis.AnalysisTracking;
import org.splicecbm.analysis.ShiftStudy;
import org.splicecbm.analysis.shift.ShiftAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice shift}: what changed between two image sets, in named SpLiCE concepts (Bhalla et al.,
 * NeurIPS 2024, Sec. 6), or a concept's prevalence along a manifest column ({@code --by year}, Fig. 12).
 */
@Command(name = "shift", mixinStandardHelpOptions = true,
        description = "Concept-level distribution shift between two feature sets, or along a manifest column.")
final class ShiftCommand implements Callable<Integer> {
    @Option(names = "--reference", description = "feature-set folder, or a config with optional split (run.yaml:train)")
    String reference;

    @Option(names = "--current", required = true, description = "feature-set folder, or a config with optional split (default test)")
    String current;

    @Option(names = "--by", description = "manifest column of --current to follow concepts along (e.g. year)")
    String by;

    @Option(names = "--concepts", split = ",", description = "concepts to follow with --by, comma-separated")
    List<String> concepts = List.of();

    @Option(names = "--stratify-by-class", description = "test within classes (Cochran-Mantel-Haenszel), so a change in class mix is not a concept shift")
    boolean stratify;

    @Option(names = "--min-active", defaultValue = "10", description = "test a concept only when active and inactive in at least this many pooled images (default ${DEFAULT-VALUE})")
    int minActive;

    @Option(names = "--permutations", defaultValue = "999", description = "permutations of the global test (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the permutations (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--top", defaultValue = "20", description = "concepts in the ranked plot and page (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", required = true, description = "output folder (shift.csv, plots, shift.html)")
    Path out;

    @Option(names = "--tracking-uri", defaultValue = "mlruns", description = "MLflow server or local store (default ${DEFAULT-VALUE})")
    String trackingUri;

    @Option(names = "--experiment", defaultValue = "splice-shift", description = "MLflow experiment (default ${DEFAULT-VALUE})")
    String experiment;

    @Override
    public Integer call() throws Exception {
        if (by != null && concepts.isEmpty()) {
            throw new IllegalArgumentException("--by " + by + " needs --concepts a,b to follow, e.g. --concepts convertible,yellow");
        }
        ShiftAnalysis analysis = ShiftAnalysis.builder().optMinActive(minActive).optStratifyByClass(stratify)
                .optPermutations(permutations).optSeed(seed).build();
        AnalysisTracking tracking = new AnalysisTracking(trackingUri, out.resolveSibling("mlruns"), experiment);
        new ShiftStudy(reference, current, by, concepts, analysis, top, out, tracking).run().forEach(System.out::println);
        return 0;
    }
}
