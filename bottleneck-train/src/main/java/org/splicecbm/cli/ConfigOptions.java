package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} plus the overrides the paper's studies need ({@code --l1} for SpLiCE's penalty). */
final class ConfigOptions {
    @Option(names = "--config", required = true, description = "YAML run config (see configs/)")
    Path config;

    @Option(names = "--l1", split = ",", paramLabel = "L1",
            description = "override splice.l1_penalty (features: a comma-separated list, solved along one l1 path,"
                    + " one feature-set folder per value)")
    List<Double> l1;

    /** The config with the one {@code --l1} given; an error for a list, which only {@code features} takes. */
    RunConfig load() {
        RunConfig c = ConfigLoader.load(config, RunConfig.class);
        if (l1 == null || l1.isEmpty()) {
            return c;
        }
        if (l1.size() > 1) {
            throw new IllegalArgumentException("--l1 " + l1 + ": this command takes one SpLiCE penalty, found "
                    + l1.size() + "; give one value (only `splice features` solves a list, along one l1 path)");
        }
        return c.withSpliceL1(l1.get(0));
    }

    /** The config as written, for commands that take every {@code --l1} value themselves ({@link #l1Values}). */
    RunConfig loadWithoutOverride() {
        return ConfigLoader.load(config, RunConfig.class);
    }

    /** The {@code --l1} values in the order given (empty: none). */
    List<Double> l1Values() {
        return l1 == null ? List.of() : List.copyOf(l1);
    }
}
