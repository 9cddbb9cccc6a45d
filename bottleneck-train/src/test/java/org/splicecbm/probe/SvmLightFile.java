package org.splicecbm.probe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.store.CsrMatrix;

/** Hands a split to scikit-learn as an svmlight text file ({@code label col:value ...}, zero-based columns). */
public final class SvmLightFile {
    private SvmLightFile() {}

    public static void write(Path file, CsrMatrix x, int[] labels) throws IOException {
        AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
            for (int row = 0; row < x.rows(); row++) {
                w.write(Integer.toString(labels[row]));
                for (long k = x.indptr()[row]; k < x.indptr()[row + 1]; k++) {
                    w.write(' ');
                    w.write(Integer.toString(x.indices()[(int) k]));
                    w.write(':');
                    w.write(Float.toString(x.data()[(int) k]));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
