package org.splicecbm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.workflow.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice sweep}: the paper's linear-probe study (Bhalla et al., NeurIPS 2024, Fig. 4). Runs every
 * trial of the config's {@code sweep:} section (features, training, evaluation, one MLflow run each under
 * a parent run of the sweep), then writes {@code trials.csv}, the accuracy-vs-sparsity plot and the
 * resolved config to {@code output/sweeps/<name>-<time>/}. Finished trials are stored in
 * {@code output/sweeps/<name>/trials/}, so a rerun resumes.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep SpLiCE l1, vocabulary size and probe l1 (grid or random, via Arbiter); plot accuracy against sparsity.")
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
        SweepRun.run(config, System.out);
        return 0;
    }
}
