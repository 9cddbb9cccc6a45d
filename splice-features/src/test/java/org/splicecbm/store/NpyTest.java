package org.splicecbm.store;

import org.splicecbm.testing.PythonReference;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource("/store/" + name).toURI());
    }

    @Test
    void headerIsByteForByteWhatNumpySaveWrites() {
        byte[] h = new NpyHeader("<f4", false, new long[] {3, 4}).encode();
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
        assertEquals(128, h.length, "numpy pads the header to a multiple of 64 bytes");
        assertEquals((byte) 0x93, h[0]);
        assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, h[6]);
        assertEquals(0, h[7]);
        assertEquals(118, (h[8] & 0xff) | (h[9] & 0xff) << 8);
        String text = new String(h, 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals(dict + " ".repeat(118 - dict.length() - 1) + "\n", text);
        assertEquals("{'descr': '|S3', 'fortran_order': False, 'shape': (), }",
                new String(new NpyHeader("|S3", false, new long[0]).encode(), 10, 55, StandardCharsets.ISO_8859_1));
    }

    @Test
    void roundTripsFloatMatrixAndIntegerVectors() throws IOException {
        float[][] m = {{1f, -2.5f, Float.MIN_VALUE}, {Float.MAX_VALUE, 0f, -0f}};
        Npy.writeFloat32(dir.resolve("m.npy"), m, 3);
        assertArrayEquals(m, Npy.readFloatMatrix(dir.resolve("m.npy")));
        long[] l = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        Npy.writeInt64(dir.resolve("l.npy"), l);
        assertArrayEquals(l, Npy.readLongVector(dir.resolve("l.npy")));
        int[] i = {5, -6, Integer.MAX_VALUE};
        Npy.writeInt32(dir.resolve("i.npy"), i);
        assertArrayEquals(i, Npy.readIntVector(dir.resolve("i.npy")));
        assertEquals("<i4", Npy.read(dir.resolve("i.npy")).header().descr());
    }

    @Test
    void readsNumpyFortranOrderDoublesAndInt32() throws Exception {
        float[][] m = Npy.readFloatMatrix(resource("fortran_f8.npy"));
        assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}}, m);
        assertArrayEquals(new long[] {7, -8, 9}, Npy.readLongVector(resource("i4.npy")));
    }

    @Test
    void refusesBigEndianNamingTheFile() throws Exception {
        IOException e = assertThrows(IOException.class, () -> Npy.read(resource("big_endian.npy")));
        assertTrue(e.getMessage().contains("big_endian.npy") && e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test
    void refusesTruncatedAndForeignFiles() throws IOException {
        Path truncated = dir.resolve("t.npy");
        Npy.writeFloat32(truncated, new float[][] {{1, 2}, {3, 4}}, 2);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(assertThrows(IOException.class, () -> Npy.read(truncated)).getMessage().contains("truncated"));
        Path foreign = dir.resolve("f.npy");
        Files.writeString(foreign, "hello, not numpy");
        assertTrue(assertThrows(IOException.class, () -> Npy.read(foreign)).getMessage().contains("magic"));
    }

    @Test
    void streamingWriterPatchesRowCountAndReaderStreamsBatches() throws IOException {
        Path file = dir.resolve("s.npy");
        try (NpyMatrixWriter w = NpyMatrixWriter.open(file, 2)) {
            w.append(new float[][] {{1, 2}, {3, 4}});
            assertFalse(Files.exists(file), "nothing visible before commit");
            w.append(new float[][] {{5, 6}});
            w.commit();
        }
        float[][] expected = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(expected, Npy.readFloatMatrix(file));
        Path whole = dir.resolve("w.npy");
        Npy.writeFloat32(whole, expected, 2);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(file), "streamed file equals whole-array file");
        try (NpyMatrixReader r = NpyMatrixReader.open(file)) {
            assertEquals(3, r.rows());
            assertArrayEquals(new float[][] {{1, 2}, {3, 4}}, r.next(2));
            assertArrayEquals(new float[][] {{5, 6}}, r.next(2));
            assertEquals(0, r.next(2).length);
        }
    }

    @Test
    void abandonedStreamingWriterLeavesNoFile() throws IOException {
        Path file = dir.resolve("a.npy");
        try (NpyMatrixWriter w = NpyMatrixWriter.open(file, 1)) {
            w.append(new float[][] {{1}});
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void numpyReadsOurFilesAndWritesTheSameBytes() throws IOException {
        PythonReference.require("numpy", "scipy");
        float[][] m = {{1f, 2.5f, -3f}, {0.1f, 1e-30f, 7f}};
        Path f = dir.resolve("m.npy");
        Path l = dir.resolve("l.npy");
        Npy.writeFloat32(f, m, 3);
        Npy.writeInt64(l, new long[] {3, -4});
        String out = PythonReference.check(String.join("\n",
                "import numpy as np, io",
                "m = np.load('" + f + "'); l = np.load('" + l + "')",
                "assert m.dtype == np.float32 and m.shape == (2, 3) and l.dtype == np.int64",
                "assert np.array_equal(m, np.array([[1, 2.5, -3], [0.1, 1e-30, 7]], dtype=np.float32))",
                "assert l.tolist() == [3, -4]",
                "for a, p in ((m, '" + f + "'), (l, '" + l + "')):",
                "    b = io.BytesIO(); np.save(b, a); assert b.getvalue() == open(p, 'rb').read(), p",
                "print('ok')"));
        assertEquals("ok", out);
    }
}
