package org.splicecbm.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.workflow.TrainingResult;
import org.splicecbm.workflow.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code splice train}: a concept-bottleneck probe on a config's feature sets, tracked in MLflow. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate a linear concept-bottleneck probe on SpLiCE features; log the run to MLflow.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--suppress", split = ",", description = "concepts to suppress (overrides probe.suppress_concepts)")
    List<String> suppress;

    @Option(names = "--suppress-at", description = "train | test | both (overrides probe.suppress_at)")
    String suppressAt;

    @Option(names = "--probe-l1", description = "override probe.l1")
    Double probeL1;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load();
        ProbeConfig.Builder probe = config.probe().toBuilder();
        if (suppress != null || suppressAt != null) {
            probe.suppress(suppress != null ? suppress : config.probe().suppressConcepts(),
                    suppressAt != null ? ProbeConfig.SuppressAt.parse(suppressAt) : config.probe().suppressAt());
        }
        if (probeL1 != null) {
            probe.l1(probeL1);
        }
        TrainingResult result = TrainingRun.run(config.withProbe(probe.build()));
        result.print(System.out);
        if (result.trackingOutage().isPresent()) {
            throw result.trackingOutage().get(); // after the run is stored locally and printed
        }
        return 0;
    }
}
