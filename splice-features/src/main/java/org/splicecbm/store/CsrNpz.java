package org.splicecbm.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A {@link CsrMatrix} as a {@code .npz} file in the layout of SciPy's {@code scipy.sparse.save_npz}
 * (compressed), so {@code scipy.sparse.load_npz} reads it: entries {@code indices.npy} and
 * {@code indptr.npy} (int32 when the matrix fits, else int64, as SciPy chooses), {@code format.npy}
 * (0-d {@code |S3} "csr", exactly what SciPy writes; {@code <U3} is accepted on read),
 * {@code shape.npy} (int64, 2 values) and {@code data.npy} (float32). Entry timestamps are fixed
 * (1980-01-01) so equal matrices give byte-identical files.
 */
public final class CsrNpz {
    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private CsrNpz() {}

    /** Writes {@code matrix} atomically to {@code file}. */
    public static void write(Path file, CsrMatrix matrix) throws IOException {
        AtomicFiles.write(file, out -> write(out, matrix));
    }

    /** Writes {@code matrix} as an npz archive to {@code out} (which is not closed). */
    public static void write(OutputStream out, CsrMatrix matrix) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(nonClosing(out));
        zip.setLevel(6);
        boolean int32 = matrix.nnz() <= Integer.MAX_VALUE;
        entry(zip, "indices.npy");
        if (int32) {
            Npy.writeInt32(zip, matrix.indices());
        } else {
            Npy.writeInt64(zip, java.util.Arrays.stream(matrix.indices()).asLongStream().toArray());
        }
        entry(zip, "indptr.npy");
        if (int32) {
            Npy.writeInt32(zip, java.util.Arrays.stream(matrix.indptr()).mapToInt(Math::toIntExact).toArray());
        } else {
            Npy.writeInt64(zip, matrix.indptr());
        }
        entry(zip, "format.npy");
        Npy.writeByteString(zip, "csr");
        entry(zip, "shape.npy");
        Npy.writeInt64(zip, new long[] {matrix.rows(), matrix.cols()});
        entry(zip, "data.npy");
        Npy.writeFloat32Vector(zip, matrix.data());
        zip.closeEntry();
        zip.finish();
    }

    /** Reads a CSR matrix written by {@link #write} or by SciPy's {@code save_npz}, validating its arrays. */
    public static CsrMatrix read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such .npz file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String format = array(zip, file, "format").toStringScalar();
            if (!format.equals("csr")) {
                throw new IOException(file + ": format.npy must be 'csr', found '" + format + "'");
            }
            long[] shape = array(zip, file, "shape").toLongVector();
            if (shape.length != 2 || shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE) {
                throw new IOException(file + ": shape.npy must hold 2 dimensions below 2^31, found "
                        + java.util.Arrays.toString(shape));
            }
            float[] data = array(zip, file, "data").toFloatVector();
            int[] indices = array(zip, file, "indices").toIntVector();
            long[] indptr = array(zip, file, "indptr").toLongVector();
            requireColumnsInRange(file, indices, (int) shape[1]);
            try {
                return new CsrMatrix((int) shape[0], (int) shape[1], data, indices, indptr);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    private static NpyArray array(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            throw new IOException(file + ": missing entry " + name + ".npy (not a scipy.sparse.save_npz CSR file?)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Npy.read(in, file + "!" + name + ".npy");
        }
    }

    private static void requireColumnsInRange(Path file, int[] indices, int cols) throws IOException {
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= cols) {
                throw new IOException(file + ": indices[" + k + "] = " + indices[k] + " is outside [0, " + cols + ")");
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ZIP_EPOCH);
        zip.putNextEntry(e);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
