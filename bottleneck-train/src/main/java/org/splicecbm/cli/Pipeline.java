package org.splicecbm.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the stages of one config in order (features, decompose-data, train), stopping at the first failure. */
final class Pipeline {
    private Pipeline() {}

    static int runAll(Path config) {
        String file = config.toString();
        for (String[] stage : new String[][] {
                {"features", "--config", file},
                {"decompose-data", "--config", file},
                {"train", "--config", file}}) {
            System.out.println("== splice " + String.join(" ", stage));
            CommandLine cli = new CommandLine(new SpliceCli());
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
                cmd.getErr().println("error in splice " + stage[0] + ": " + SpliceCli.message(e));
                return 1;
            });
            int code = cli.execute(stage);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }
}
