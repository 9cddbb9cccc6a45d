package org.splicecbm.probe;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probe's parameters as NumPy {@code .npy} files (float32, little-endian, C order), the project's
 * dense interchange format: {@code numpy.load} reads them and {@code weights.T} is scikit-learn's
 * {@code coef_}. Only the float32 arrays the probe writes are supported.
 */
final class NpyArrays {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpyArrays() {}

    static void write(OutputStream out, float[] values, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(shape.length == 1 ? "," : ", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims.toString().replaceAll(", $", "") + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        out.write(MAGIC);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        out.write(bytes.array());
    }

    /** Reads a float32 array, checking it has {@code expectedShape}. */
    static float[] read(Path file, long... expectedShape) {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = data.readNBytes(MAGIC.length);
            if (magic.length != MAGIC.length || magic[0] != MAGIC[0] || magic[1] != 'N') {
                throw new IllegalArgumentException(file + " is not a .npy file (bad magic)");
            }
            int headerLength = Short.toUnsignedInt(Short.reverseBytes(data.readShort()));
            String header = new String(data.readNBytes(headerLength), StandardCharsets.US_ASCII);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
                throw new IllegalArgumentException(file + " must hold a little-endian float32 C-order array, header: " + header.trim());
            }
            long[] shape = shape(header, file);
            if (!java.util.Arrays.equals(shape, expectedShape)) {
                throw new IllegalArgumentException(file + " has shape " + java.util.Arrays.toString(shape) + ", expected "
                        + java.util.Arrays.toString(expectedShape));
            }
            long count = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            byte[] body = data.readNBytes((int) (count * 4));
            if (body.length != count * 4) {
                throw new IllegalArgumentException(file + " is truncated: " + body.length + " of " + count * 4 + " data bytes");
            }
            float[] values = new float[(int) count];
            ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long[] shape(String header, Path file) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": .npy header has no shape: " + header.trim());
        }
        return java.util.Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
    }
}
