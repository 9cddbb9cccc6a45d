package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.workflow.FeatureSplits;
import org.splicecbm.data.Split;
import org.splicecbm.probe.PathPoint;
import org.splicecbm.probe.PathResult;
import org.splicecbm.probe.RegularisationPath;
import org.splicecbm.report.PathFiles;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.UniqueDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code splice path}: the probe's regularisation path on a config's feature sets ({@code probe.path:}),
 * printed as a table and written to {@code output/paths/<name>-<time>/}.
 */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Solve the probe's L1 regularisation path (warm-started exact solves); report accuracy against NEC.")
final class PathCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        RunConfig config = options.load();
        FeatureSplits splits = FeatureSplits.load(config);
        PathResult path = RegularisationPath.solve(splits.require(Split.TRAIN), splits.data().get(Split.VAL),
                splits.data().get(Split.TEST), config.probe());
        // a folder of its own even when two paths start in the same second; its files appear together or not at all
        Path dir = UniqueDirectory.claimStamped(config.output().resolve("paths"), config.name());
        List<Path> written = new ArrayList<>();
        AtomicDirectory.write(dir, tmp -> {
            PathFiles.write(tmp, config.name(), path).forEach(f -> written.add(dir.resolve(f.getFileName())));
            ConfigLoader.save(config, tmp.resolve("config.yaml"));
        });
        System.out.printf(Locale.ROOT, "%12s %9s %8s %9s %9s %8s%n", "l1", "nonzeros", "NEC", "val acc", "test acc", "KKT");
        for (PathPoint p : path.points()) {
            System.out.printf(Locale.ROOT, "%12.4e %9d %8.2f %9.4f %9.4f %8.1e%n", p.l1(), p.nonzeros(), p.nec(),
                    p.valAccuracy(), p.testAccuracy(), p.kktViolation());
        }
        for (PathResult.AtNec at : path.atNec()) {
            System.out.printf(Locale.ROOT, "test accuracy at NEC <= %d: %s%n", at.target(), at.point() == null
                    ? "no penalty on the path is that sparse" : String.format(Locale.ROOT, "%.4f (NEC %.2f, l1 %.4e)",
                    at.point().testAccuracy(), at.point().nec(), at.point().l1()));
        }
        System.out.println("path: " + written.get(0) + "\nplot: " + written.get(2));
        return 0;
    }
}
