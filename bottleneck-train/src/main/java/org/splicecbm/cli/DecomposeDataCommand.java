package org.splicecbm.cli;

import java.util.concurrent.Callable;
import org.splicecbm.data.Split;
import org.splicecbm.workflow.DatasetDecompositionReport;
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
        DatasetDecompositionReport.run(options.load(), Split.parse(split), classLabel, top).print(System.out);
        return 0;
    }
}
