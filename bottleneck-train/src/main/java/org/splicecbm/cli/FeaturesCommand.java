package org.splicecbm.cli;

import java.util.concurrent.Callable;
import org.splicecbm.workflow.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code splice features}: a dataset's splits as cached, SciPy-readable SpLiCE concept-feature sets. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Embed a dataset (cached, resumable) and write its SpLiCE concept features per split; --l1 a,b,c"
                + " writes the features of each value from one pass along the l1 path.")
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        if (options.l1Values().size() > 1) {
            Pipeline.features(options.loadWithoutOverride(), options.l1Values(), System.out);
        } else {
            Pipeline.features(options.load(), System.out);
        }
        return 0;
    }
}
