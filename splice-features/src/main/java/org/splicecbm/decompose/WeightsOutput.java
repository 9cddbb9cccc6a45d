package org.splicecbm.decompose;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.splicecbm.store.CsrBuilder;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.CsrNpz;
import org.splicecbm.store.NpyMatrixWriter;

/**
 * One weight file of a {@link SolveJob}: dense N x c float32 {@code .npy}, or SciPy CSR {@code .npz}
 * when the name ends in {@code .npz}, written atomically (nothing appears unless {@link #commit} runs).
 */
final class WeightsOutput implements AutoCloseable {
    private final Path file;
    private final CsrBuilder sparse;
    private final NpyMatrixWriter dense;

    private WeightsOutput(Path file, int concepts) throws IOException {
        this.file = file;
        boolean npz = file.getFileName().toString().endsWith(".npz");
        this.sparse = npz ? new CsrBuilder(concepts) : null;
        this.dense = npz ? null : NpyMatrixWriter.open(file, concepts);
    }

    static WeightsOutput open(Path file, int concepts) throws IOException {
        return new WeightsOutput(file, concepts);
    }

    /**
     * The file for one value of a path: {@code W.npz} at l1 = 0.05 becomes {@code W-l1_0.05.npz}; with a
     * single value the name is kept as given.
     */
    static Path fileFor(Path out, double l1, boolean severalValues) {
        if (!severalValues) {
            return out;
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String value = BigDecimal.valueOf(l1).stripTrailingZeros().toPlainString();
        return out.resolveSibling(stem + "-l1_" + value + extension);
    }

    Path file() {
        return file;
    }

    void append(CsrMatrix weights) throws IOException {
        if (sparse != null) {
            sparse.append(weights);
            return;
        }
        float[][] rows = new float[weights.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = weights.denseRow(i);
        }
        dense.append(rows);
    }

    void commit() throws IOException {
        if (sparse != null) {
            CsrNpz.write(file, sparse.build());
        } else {
            dense.commit();
        }
    }

    @Override
    public void close() throws IOException {
        if (dense != null) {
            dense.close();
        }
    }
}
