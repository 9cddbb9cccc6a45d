package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.tracking.MirrorSync;
import org.splicecbm.tracking.MlflowServerTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code splice tracking}: tracking maintenance; {@code sync} uploads runs a server outage left in the local mirror. */
@Command(name = "tracking", mixinStandardHelpOptions = true, description = "Tracking maintenance.",
        subcommands = TrackingCommand.Sync.class)
final class TrackingCommand {

    /** {@code splice tracking sync --from mlruns --to URL}: see {@link MirrorSync}. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Upload runs of a local MLflow store (e.g. <output>/mlruns after a server outage) to an MLflow server;"
                    + " runs already there are not uploaded again. Credentials: MLFLOW_TRACKING_TOKEN or"
                    + " MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD.")
    static final class Sync implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "the local MLflow file store (the mirror), e.g. out/mlruns")
        Path from;

        @Option(names = "--to", required = true, description = "the MLflow server, http(s)://host:port")
        String to;

        @Override
        public Integer call() throws Exception {
            if (!to.startsWith("http://") && !to.startsWith("https://")) {
                throw new IllegalArgumentException("--to must be an MLflow server http(s)://host:port, found '" + to + "'");
            }
            try (MlflowServerTracker server = new MlflowServerTracker(to)) {
                MirrorSync.Report r = new MirrorSync(server, System.out).sync(from);
                System.out.printf("synced %s to %s: %d uploaded, %d already there, %d still running (not uploaded)%n",
                        from, server.location(), r.uploaded(), r.alreadyThere(), r.stillRunning());
            }
            return 0;
        }
    }
}
