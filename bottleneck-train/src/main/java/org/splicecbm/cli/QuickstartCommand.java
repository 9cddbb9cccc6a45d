package org.splicecbm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.store.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice quickstart}: the whole product on CIFAR-10 in one command (downloads open_clip:ViT-B-32,
 * SpLiCE's laion vocabulary and CIFAR-10 on first use): features, the test set's decomposition, and a
 * tracked probe with its report, all under {@code --dir}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "CIFAR-10 end to end: SpLiCE features, dataset decomposition, tracked concept-bottleneck probe.")
final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "runs/quickstart", description = "where config, features, runs and mlruns go (default ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path config = dir.resolve("quickstart.yaml");
        if (!Files.exists(config)) {
            try (InputStream in = QuickstartCommand.class.getResourceAsStream("quickstart.yaml")) {
                byte[] yaml = in.readAllBytes();
                AtomicFiles.write(config, out -> out.write(yaml));
            }
            System.out.println("wrote " + config + " (edit it and rerun to change the quickstart)");
        }
        int code = ExperimentCommand.runStages(config);
        if (code == 0) {
            System.out.println("done: open " + dir.resolve("runs") + "/*/report/report.html, or `mlflow ui --backend-store-uri "
                    + dir.resolve("mlruns") + "`");
        }
        return code;
    }
}
