package org.splicecbm.cli;

import java.util.concurrent.Callable;
import org.splicecbm.workflow.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code splice features}: a dataset's splits as cached, SciPy-readable SpLiCE concept-feature sets. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Embed a dataset (cached, resumable) and write its SpLiCE concept features per split.")
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        Pipeline.features(options.load(), System.out);
        return 0;
    }
}
