package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.ZeroShotEvaluation;
import org.splicecbm.report.SparsityAccuracyPlot;
import org.splicecbm.report.ZeroShotPlot;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.zeroshot.ClassPrompts;
import org.splicecbm.zeroshot.ZeroShotReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice zeroshot}: the paper's zero-shot study (Bhalla et al., NeurIPS 2024, Sec. 5.1): zero-shot
 * accuracy, mean L0 and cosine of SpLiCE reconstructions per l1, next to dense CLIP; writes
 * {@code output/zeroshot/<split>.csv} and a plot of accuracy against mean L0.
 */
@Command(name = "zeroshot", mixinStandardHelpOptions = true,
        description = "Zero-shot accuracy of SpLiCE reconstructions vs dense CLIP, per l1 penalty.")
final class ZeroShotCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "YAML run config (see configs/)")
    Path config;

    @Option(names = "--split", defaultValue = "test", description = "train | val | test (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--l1", split = ",", description = "SpLiCE l1 penalties, comma-separated (default: splice.l1_penalty)")
    List<Double> l1 = List.of();

    @Option(names = "--template", defaultValue = ClassPrompts.DEFAULT_TEMPLATE,
            description = "class prompt with {} for the class name (default \"${DEFAULT-VALUE}\")")
    String template;

    @Override
    public Integer call() throws Exception {
        RunConfig run = ConfigLoader.load(config, RunConfig.class);
        Split which = Split.parse(split);
        ZeroShotReport report = ZeroShotEvaluation.run(run.features(), which, l1, template);
        String scope = report.dataset() + " " + which.key();
        System.out.println("Zero-shot classification of " + scope + " (" + report.dense().images() + " images, prompt \""
                + template + "\"):");
        System.out.print(report.table());
        Path base = run.output().resolve("zeroshot").resolve(which.key());
        Path csv = base.resolveSibling(which.key() + ".csv");
        report.writeCsv(csv);
        Path png = ZeroShotPlot.write("Zero-shot accuracy, " + scope, report.splice().stream()
                .map(r -> new SparsityAccuracyPlot.Point(r.meanL0(), r.accuracy())).toList(), report.dense().accuracy(), base);
        System.out.println("table: " + csv);
        System.out.println("plot: " + png + " (and .svg)");
        return 0;
    }
}
