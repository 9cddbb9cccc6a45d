package org.splicecbm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.workflow.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice sweep}: the paper's linear-probe study (Bhalla et al., NeurIPS 2024, Fig. 4). Runs one
 * probe regularisation path per (vocabulary size, SpLiCE l1) of the config's {@code sweep:} section (features,
 * warm-started exact solves, evaluation, one MLflow child run per path point under a parent run of the sweep),
 * then writes {@code trials.csv}, the accuracy-vs-sparsity plot, the page {@code sweep.html} and the resolved
 * config to {@code output/sweeps/<name>-<time>/}. Finished paths are stored in {@code output/sweeps/<name>/trials/}
 * and the sweep's id in {@code output/sweeps/<name>/sweep.json}, so a rerun resumes into the same parent run
 * and folder. Library: {@link SweepRun}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep SpLiCE l1 and vocabulary size (grid or random, via Arbiter), one probe regularisation path each; plot accuracy against sparsity.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "YAML run config with a sweep: section (see configs/cifar100-sweep.yaml)")
    Path configFile;

    /** slf4j-simple's per-logger level key for Arbiter, whose runner logs every scheduling step at INFO. */
    private static final String ARBITER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.deeplearning4j.arbiter";

    @Override
    public Integer call() throws IOException {
        if (System.getProperty(ARBITER_LOG_LEVEL) == null) {
            System.setProperty(ARBITER_LOG_LEVEL, "warn"); // the sweep prints its own progress; -D... overrides
        }
        RunConfig config = ConfigLoader.load(configFile, RunConfig.class);
        if (config.sweep() == null) {
            throw new IllegalArgumentException(configFile + " has no sweep: section; add one, e.g. sweep: {splice_l1: [0.15, 0.25],"
                    + " vocabulary_size: [5000, 10000], probe_l1: [1.0e-5, 1.0e-4]} (see configs/cifar100-sweep.yaml)");
        }
        SweepRun.run(config, List.of("splice sweep --config " + configFile), System.out);
        return 0;
    }
}
