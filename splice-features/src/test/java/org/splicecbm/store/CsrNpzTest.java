package org.splicecbm.store;

import org.splicecbm.testing.PythonReference;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrNpzTest {
    @TempDir Path dir;

    /** [[0, 1.5, 0, 0], [0, 0, 0, 0], [2, 0, -3, 0.25]]. */
    static CsrMatrix sample() {
        return new CsrMatrix(3, 4, new float[] {1.5f, 2f, -3f, 0.25f}, new int[] {1, 0, 2, 3}, new long[] {0, 1, 1, 4});
    }

    @Test
    void roundTripsAndIsByteIdenticalWhenWrittenTwice() throws IOException {
        CsrMatrix m = sample();
        CsrNpz.write(dir.resolve("a.npz"), m);
        CsrNpz.write(dir.resolve("b.npz"), m);
        CsrMatrix back = CsrNpz.read(dir.resolve("a.npz"));
        assertEquals(3, back.rows());
        assertEquals(4, back.cols());
        assertArrayEquals(m.data(), back.data());
        assertArrayEquals(m.indices(), back.indices());
        assertArrayEquals(m.indptr(), back.indptr());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void readsAFileScipyWrote() throws Exception {
        CsrMatrix m = CsrNpz.read(NpyTest.resource("scipy_written.npz"));
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(sample().denseRow(r), m.denseRow(r), "row " + r);
        }
    }

    @Test
    void refusesAnArchiveThatIsNotCsr() throws IOException {
        Path f = dir.resolve("x.npz");
        CsrNpz.write(f, sample());
        Path bad = dir.resolve("bad.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bad))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("format.npy"));
            Npy.writeByteString(zip, "coo");
        }
        IOException e = assertThrows(IOException.class, () -> CsrNpz.read(bad));
        assertTrue(e.getMessage().contains("bad.npz") && e.getMessage().contains("'coo'"), e.getMessage());
    }

    @Test
    void scipyLoadNpzReadsOurFile() throws IOException {
        PythonReference.require("numpy", "scipy");
        Path f = dir.resolve("m.npz");
        CsrNpz.write(f, sample());
        String out = PythonReference.check(String.join("\n",
                "import numpy as np, scipy.sparse as sp",
                "m = sp.load_npz('" + f + "')",
                "assert m.format == 'csr' and m.dtype == np.float32 and m.indices.dtype == np.int32, (m.format, m.dtype)",
                "print(m.toarray().tolist())"));
        assertEquals("[[0.0, 1.5, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [2.0, 0.0, -3.0, 0.25]]", out);
    }
}
