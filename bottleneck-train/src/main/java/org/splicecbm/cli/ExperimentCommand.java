package org.splicecbm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.workflow.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code splice experiment DIR}: runs one of the paper's studies in {@code experiments/} from its config. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run an experiment folder (config.yaml): features, decompose-data, train. Its README gives the expected numbers.")
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "an experiment folder, e.g. experiments/cifar10-decompose-data")
    Path dir;

    @Override
    public Integer call() {
        Path config = dir.resolve("config.yaml");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(dir + " has no config.yaml; an experiment folder holds config.yaml and a README"
                    + " (for experiments without one, run the commands its README.md lists)");
        }
        int code = runStages(config);
        if (code == 0 && Files.exists(dir.resolve("README.md"))) {
            System.out.println("done; compare with the expected numbers in " + dir.resolve("README.md"));
        }
        return code;
    }

    /** Runs features, decompose-data and train for one config file; a failed stage prints its error and gives exit code 1. */
    static int runStages(Path configFile) {
        try {
            Pipeline.run(ConfigLoader.load(configFile, RunConfig.class), configFile, System.out);
            return 0;
        } catch (Pipeline.StageFailure f) {
            System.err.println("error in splice " + f.stage() + ": " + SpliceCli.message(f.getCause()));
            return 1;
        }
    }
}
