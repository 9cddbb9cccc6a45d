package org.splicecbm.cli;

import java.nio.file.Path;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} plus the overrides the paper's studies need ({@code --l1} for SpLiCE's penalty). */
final class ConfigOptions {
    @Option(names = "--config", required = true, description = "YAML run config (see configs/)")
    Path config;

    @Option(names = "--l1", description = "override splice.l1_penalty")
    Double l1;

    RunConfig load() {
        RunConfig c = ConfigLoader.load(config, RunConfig.class);
        return l1 == null ? c : c.withSpliceL1(l1);
    }
}
