package org.splicecbm.cli;

import java.io.PrintWriter;
import org.splicecbm.engine.DjlRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code splice} command line: SpLiCE (Bhalla et al., NeurIPS 2024) from images to tracked
 * concept-bottleneck probes. Each subcommand is one stage of the pipeline.
 */
@Command(name = "splice", mixinStandardHelpOptions = true, versionProvider = SpliceCli.Version.class,
        description = "Interpretable concept-bottleneck classifiers with SpLiCE sparse concept features.",
        subcommands = {
            EmbedCommand.class,
            SolveCommand.class,
            DecomposeImageCommand.class,
            DecomposeDataCommand.class,
            ZeroShotCommand.class,
            PathCommand.class,
            ShiftCommand.class,
            HistogramCommand.class,
            RetrievalCommand.class,
            CarsManifestCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            SweepCommand.class,
            ExperimentCommand.class,
            QuickstartCommand.class,
            TrackingCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SpliceCli {
    @CommandLine.Option(names = LogLevels.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "also show the libraries' log lines (DJL's engine and GPU detection, ND4J); read by LogLevels before parsing")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (used by tests without exiting the JVM). */
    public static int run(String... args) {
        LogLevels.apply(args);
        DjlRuntime.configure();
        CommandLine cli = new CommandLine(new SpliceCli());
        cli.setExecutionExceptionHandler(SpliceCli::report);
        return cli.execute(args);
    }

    /** Errors print as one clear line (the message already says what to fix); SPLICE_DEBUG=1 adds the stack trace. */
    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(e));
        if (System.getenv("SPLICE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        Throwable cause = e.getCause();
        if ((m == null || m.isBlank()) && cause != null) {
            return message(cause);
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SpliceCli.class.getPackage().getImplementationVersion();
            return new String[] {"splice-cbm " + (v == null ? "dev" : v)};
        }
    }
}
