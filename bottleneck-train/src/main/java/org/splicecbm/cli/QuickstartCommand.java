package org.splicecbm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern LIMIT = Pattern.compile("(?m)^  limit: \\{train: (\\d+), val: (\\d+), test: (\\d+)}$");

    @Option(names = "--dir", defaultValue = "runs/quickstart", description = "where config, features, runs and mlruns go (default ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--train", paramLabel = "N", description = "images in the training split (written into quickstart.yaml's dataset.limit; default 5000)")
    Integer train;

    @Option(names = "--val", paramLabel = "N", description = "images in the validation split (default 500)")
    Integer val;

    @Option(names = "--test", paramLabel = "N", description = "images in the test split (default 1000)")
    Integer test;

    @Override
    public Integer call() throws IOException {
        Path config = dir.resolve("quickstart.yaml");
        boolean fresh = !Files.exists(config);
        String yaml = fresh ? template() : Files.readString(config, StandardCharsets.UTF_8);
        String sized = withLimits(yaml, config);
        if (fresh || !sized.equals(yaml)) {
            byte[] bytes = sized.getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(config, out -> out.write(bytes));
            System.out.println("wrote " + config + " (edit it and rerun to change the quickstart)");
        }
        int code = ExperimentCommand.runStages(config);
        if (code == 0) {
            System.out.println("done: open " + dir.resolve("runs") + "/*/report/report.html, or `mlflow ui --backend-store-uri "
                    + dir.resolve("mlruns") + "`");
        }
        return code;
    }

    private static String template() throws IOException {
        try (InputStream in = QuickstartCommand.class.getResourceAsStream("quickstart.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The config with {@code dataset.limit} set from --train/--val/--test (unchanged when none is given). */
    private String withLimits(String yaml, Path config) {
        if (train == null && val == null && test == null) {
            return yaml;
        }
        Matcher m = LIMIT.matcher(yaml);
        if (!m.find()) {
            throw new IllegalArgumentException("--train/--val/--test rewrite the line `  limit: {train: N, val: N, test: N}` of "
                    + config + ", which has none; edit dataset.limit there instead");
        }
        String line = "  limit: {train: %d, val: %d, test: %d}".formatted(positive("--train", train, m.group(1)),
                positive("--val", val, m.group(2)), positive("--test", test, m.group(3)));
        return yaml.substring(0, m.start()) + line + yaml.substring(m.end());
    }

    private static int positive(String option, Integer given, String current) {
        if (given == null) {
            return Integer.parseInt(current);
        }
        if (given < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, found " + given);
        }
        return given;
    }
}
