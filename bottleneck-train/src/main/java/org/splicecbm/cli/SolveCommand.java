package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splicecbm.decompose.SolveJob;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.store.OutputTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice solve}: the nonnegative lasso {@code min_{w>=0} ||C^T w - z||^2 + l1 ||w||_1} for every
 * row z of a target matrix, at one l1 or along a path of l1 values ({@link SolveJob}).
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Solve the SpLiCE nonnegative lasso for each row z of --targets against --dictionary C:",
                "    min_{w >= 0}  ||C^T w - z||_2^2 + l1 * ||w||_1",
                "with l1 unscaled (SpLiCE's l1_penalty); rows are solved as given (not normalised or centred).",
                "scikit-learn equivalent: Lasso(alpha = l1 / (2 d), positive=True, fit_intercept=False) fitted on",
                "X = C^T (d x c), y = z, where d is the embedding width: its objective is ours divided by 2d,",
                "so the minimisers coincide (checked against scikit-learn in the solver's parity test)."})
final class SolveCommand implements Callable<Integer> {
    @Option(names = "--dictionary", required = true, description = "c x d float32 .npy (rows = concepts)")
    Path dictionary;

    @Option(names = "--targets", required = true, description = "N x d float32 .npy")
    Path targets;

    @Option(names = "--l1", required = true, split = ",",
            description = "L1 penalty (SpLiCE's l1_penalty) >= 0, or several comma-separated (an l1 path, one pass)")
    List<Double> l1;

    @Option(names = "--out", required = true, description = "W as dense N x c float32 .npy, or CSR .npz (SciPy) when"
            + " the name ends in .npz; with several --l1 values W-l1_<value>.npz per value")
    Path out;

    @Option(names = "--tolerance", defaultValue = "1e-7", description = "relative duality gap at which a row stops (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (0 = all cores)")
    int threads;

    @Option(names = "--block", defaultValue = "4096", description = "target rows solved per block")
    int block;

    @Override
    public Integer call() throws Exception {
        OutputTarget.requireWritableFile("--out", out);
        SolverOptions options = SolverOptions.defaults().withRelativeGapTolerance(tolerance);
        if (threads > 0) {
            options = options.withThreads(threads);
        }
        SolveJob job = SolveJob.builder().dictionary(dictionary).targets(targets).l1(l1).out(out).options(options)
                .blockRows(block).build();
        for (SolveJob.Summary s : job.run()) {
            System.out.printf("solved %d rows against %d concepts (d = %d), l1 = %s: mean L0 %.4f, max duality gap %.3g -> %s%n",
                    s.rows(), s.concepts(), s.dim(), s.l1(), s.meanL0(), s.maxGap(), s.file());
        }
        return 0;
    }
}
