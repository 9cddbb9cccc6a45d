package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.store.FeatureSet;
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
        RunConfig config = options.load();
        Map<Split, Path> sets = FeaturePipeline.run(config.features());
        for (Map.Entry<Split, Path> e : sets.entrySet()) {
            FeatureSet set = FeatureSet.read(e.getValue());
            System.out.printf(Locale.ROOT, "%-5s %7d rows x %d concepts, mean L0 %.4f, mean cosine %.4f -> %s%n",
                    e.getKey().key(), set.meta().rows(), set.concepts().size(), set.meta().meanL0(), set.meta().meanCosine(),
                    e.getValue());
        }
        return 0;
    }
}
