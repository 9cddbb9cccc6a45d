package org.splicecbm.decompose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.splicecbm.store.Npy;
import org.splicecbm.store.NpyMatrixReader;

/**
 * The nonnegative lasso for every row of a target {@code .npy} against a dictionary {@code .npy}, at one
 * l1 or along a path (one pass over the targets, {@link NonnegativeLasso#solvePath}), streamed in
 * blocks so memory is bounded by the block; one weight file per l1 ({@link WeightsOutput#fileFor}).
 * Built with {@link #builder()}; {@code splice solve} is its command line.
 */
public final class SolveJob {
    private final Path dictionary;
    private final Path targets;
    private final List<Double> l1Values;
    private final Path out;
    private final SolverOptions options;
    private final int blockRows;

    private SolveJob(Builder b) {
        this.dictionary = Objects.requireNonNull(b.dictionary, "dictionary file");
        this.targets = Objects.requireNonNull(b.targets, "targets file");
        this.l1Values = List.copyOf(Objects.requireNonNull(b.l1Values, "l1 values"));
        this.out = Objects.requireNonNull(b.out, "output file");
        this.options = b.options;
        this.blockRows = b.blockRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What one l1 value of the job produced. */
    public record Summary(double l1, Path file, long rows, int concepts, int dim, double meanL0, double maxGap) {}

    /** Solves and writes every file; nothing is written unless every row of every value converged. */
    public List<Summary> run() throws IOException {
        L1Path.descendingOrder(l1Values);
        List<Path> files = outputFiles();
        float[][] c = Npy.readFloatMatrix(dictionary);
        List<WeightsOutput> outputs = new ArrayList<>();
        try (NonnegativeLasso solver = new NonnegativeLasso(c, options);
             NpyMatrixReader in = NpyMatrixReader.open(targets)) {
            checkWidth(c, in);
            for (Path file : files) {
                outputs.add(WeightsOutput.open(file, c.length));
            }
            long[] nnz = new long[files.size()];
            double[] worstGap = new double[files.size()];
            for (float[][] rows = in.next(blockRows); rows.length > 0; rows = in.next(blockRows)) {
                List<LassoResult> results = solver.solvePath(rows, l1Values);
                for (int v = 0; v < results.size(); v++) {
                    outputs.get(v).append(results.get(v).weights());
                    nnz[v] += results.get(v).weights().nnz();
                    for (double g : results.get(v).dualityGap()) {
                        worstGap[v] = Math.max(worstGap[v], g);
                    }
                }
            }
            List<Summary> summaries = new ArrayList<>();
            for (int v = 0; v < files.size(); v++) {
                outputs.get(v).commit();
                double meanL0 = in.rows() == 0 ? 0 : (double) nnz[v] / in.rows();
                summaries.add(new Summary(l1Values.get(v), files.get(v), in.rows(), c.length, c[0].length, meanL0,
                        worstGap[v]));
            }
            return summaries;
        } finally {
            for (WeightsOutput output : outputs) {
                output.close();
            }
        }
    }

    private List<Path> outputFiles() {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (double l1 : l1Values) {
            Path file = WeightsOutput.fileFor(out, l1, l1Values.size() > 1);
            if (!seen.add(file)) {
                throw new IllegalArgumentException("the l1 value " + l1 + " is given twice in " + l1Values
                        + " (both would write " + file + "); list each value once");
            }
            files.add(file);
        }
        return files;
    }

    private void checkWidth(float[][] c, NpyMatrixReader in) {
        if (c.length == 0 || in.cols() != c[0].length) {
            throw new IllegalArgumentException("--targets " + targets + " has " + in.cols() + " columns but --dictionary "
                    + dictionary + " has rows of width " + (c.length == 0 ? 0 : c[0].length)
                    + "; both must be embeddings of the same dimension d");
        }
    }

    /** Settings of a {@link SolveJob}; dictionary, targets, l1 values and output are required. */
    public static final class Builder {
        private Path dictionary;
        private Path targets;
        private List<Double> l1Values;
        private Path out;
        private SolverOptions options = SolverOptions.defaults();
        private int blockRows = 4096;

        private Builder() {}

        /** c x d float32 {@code .npy}, rows = concepts. */
        public Builder dictionary(Path file) {
            this.dictionary = file;
            return this;
        }

        /** N x d float32 {@code .npy}, solved as given (no normalisation or centring). */
        public Builder targets(Path file) {
            this.targets = file;
            return this;
        }

        /** One or more penalties (>= 0, each once). */
        public Builder l1(List<Double> values) {
            this.l1Values = values;
            return this;
        }

        /** Weight file (.npy dense or .npz CSR); several l1 values get {@code -l1_<value>} before the extension. */
        public Builder out(Path file) {
            this.out = file;
            return this;
        }

        public Builder options(SolverOptions solverOptions) {
            this.options = solverOptions;
            return this;
        }

        /** Target rows read and solved at a time (default 4096). */
        public Builder blockRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("block rows must be at least 1, found " + rows);
            }
            this.blockRows = rows;
            return this;
        }

        public SolveJob build() {
            return new SolveJob(this);
        }
    }
}
