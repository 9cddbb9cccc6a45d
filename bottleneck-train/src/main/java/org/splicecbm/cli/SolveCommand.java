package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.decompose.LassoResult;
import org.splicecbm.decompose.NonnegativeLasso;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.CsrNpz;
import org.splicecbm.store.Npy;
import org.splicecbm.store.OutputTarget;
import org.splicecbm.store.NpyMatrixReader;
import org.splicecbm.store.NpyMatrixWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice solve}: the nonnegative lasso {@code min_{w>=0} ||C^T w - z||^2 + l1 ||w||_1} for every
 * row z of a target matrix, rows solved as given (no normalisation or centring). Targets are streamed
 * in blocks, so memory is bounded by the block, not the file.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve the SpLiCE nonnegative lasso for each row of --targets against --dictionary.")
final class SolveCommand implements Callable<Integer> {
    @Option(names = "--dictionary", required = true, description = "c x d float32 .npy (rows = concepts)")
    Path dictionary;

    @Option(names = "--targets", required = true, description = "N x d float32 .npy")
    Path targets;

    @Option(names = "--l1", required = true, description = "L1 penalty (SpLiCE's l1_penalty), >= 0")
    double l1;

    @Option(names = "--out", required = true, description = "W as dense N x c float32 .npy, or CSR .npz (SciPy) when the name ends in .npz")
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
        float[][] c = Npy.readFloatMatrix(dictionary);
        SolverOptions options = SolverOptions.defaults().withRelativeGapTolerance(tolerance);
        if (threads > 0) {
            options = options.withThreads(threads);
        }
        double worstGap = 0;
        long nnz = 0;
        try (NonnegativeLasso solver = new NonnegativeLasso(c, options);
             NpyMatrixReader in = NpyMatrixReader.open(targets)) {
            checkWidth(c, in);
            boolean sparse = out.getFileName().toString().endsWith(".npz");
            CsrBuilder csr = sparse ? new CsrBuilder(c.length) : null;
            try (NpyMatrixWriter dense = sparse ? null : NpyMatrixWriter.open(out, c.length)) {
                for (float[][] rows = in.next(block); rows.length > 0; rows = in.next(block)) {
                    LassoResult result = solver.solve(rows, l1);
                    nnz += result.weights().nnz();
                    for (double g : result.dualityGap()) {
                        worstGap = Math.max(worstGap, g);
                    }
                    if (sparse) {
                        csr.append(result.weights());
                    } else {
                        dense.append(toDense(result.weights()));
                    }
                }
                if (dense != null) {
                    dense.commit();
                }
            }
            if (sparse) {
                CsrNpz.write(out, csr.build());
            }
            System.out.printf("solved %d rows against %d concepts (d = %d), l1 = %s: mean L0 %.4f, max duality gap %.3g -> %s%n",
                    in.rows(), c.length, c[0].length, l1, in.rows() == 0 ? 0.0 : (double) nnz / in.rows(), worstGap, out);
        }
        return 0;
    }

    private void checkWidth(float[][] c, NpyMatrixReader in) {
        if (c.length == 0 || in.cols() != c[0].length) {
            throw new IllegalArgumentException("--targets " + targets + " has " + in.cols() + " columns but --dictionary "
                    + dictionary + " has rows of width " + (c.length == 0 ? 0 : c[0].length)
                    + "; both must be embeddings of the same dimension d");
        }
    }

    private static float[][] toDense(CsrMatrix w) {
        float[][] rows = new float[w.rows()][];
        for (int i = 0; i < w.rows(); i++) {
            rows[i] = w.denseRow(i);
        }
        return rows;
    }
}
