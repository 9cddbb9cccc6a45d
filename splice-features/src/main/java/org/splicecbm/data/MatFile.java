package org.splicecbm.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal reader of MATLAB level-5 MAT-files (MathWorks, "MAT-File Format", version 5; what the Stanford Cars
 * devkit ships): little-endian files with numeric arrays (as {@code double[]}, column-major), char arrays (as
 * {@code String}), cell arrays ({@code List<Object>}), struct arrays ({@code List<Map<String, Object>>}), compressed
 * or not. Sparse, object and v7.3 (HDF5) files are reported as unsupported.
 */
public final class MatFile {
    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_INT16 = 3;
    private static final int MI_UINT16 = 4;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_DOUBLE = 9;
    private static final int MI_INT64 = 12;
    private static final int MI_UINT64 = 13;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MI_UTF8 = 16;
    private static final int MX_CELL = 1;
    private static final int MX_STRUCT = 2;
    private static final int MX_CHAR = 4;

    private final Path file;

    private MatFile(Path file) {
        this.file = file;
    }

    /** The named variables of {@code file}. */
    public static Map<String, Object> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 128 || bytes[126] != 'I' || bytes[127] != 'M') {
            String header = new String(bytes, 0, Math.min(bytes.length, 116), StandardCharsets.US_ASCII);
            throw new IOException(file + ": not a little-endian MATLAB 5 MAT-file" + (header.contains("7.3")
                    ? " (it is v7.3/HDF5; save it with -v7 or convert it with scipy.io)" : ""));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(128);
        Map<String, Object> variables = new LinkedHashMap<>();
        new MatFile(file).readVariables(buffer, variables);
        return variables;
    }

    private void readVariables(ByteBuffer buffer, Map<String, Object> variables) throws IOException {
        while (buffer.remaining() >= 8) {
            Element e = next(buffer);
            if (e.type == MI_COMPRESSED) {
                readVariables(ByteBuffer.wrap(inflate(e.data)).order(ByteOrder.LITTLE_ENDIAN), variables);
            } else if (e.type == MI_MATRIX) {
                String[] name = new String[1];
                Object value = matrix(e.data, name);
                variables.put(name[0], value);
            }
        }
    }

    private record Element(int type, ByteBuffer data) {}

    /** The next data element (regular or small format), leaving {@code buffer} at the one after it. */
    private Element next(ByteBuffer buffer) throws IOException {
        int first = buffer.getInt();
        if ((first >>> 16) != 0) { // small data element: 2-byte size, 2-byte type, 4 bytes of data
            int size = first >>> 16;
            ByteBuffer data = slice(buffer, buffer.position(), size);
            buffer.position(buffer.position() + 4);
            return new Element(first & 0xFFFF, data);
        }
        int size = buffer.getInt();
        if (size < 0 || size > buffer.remaining()) {
            throw new IOException(file + ": data element of " + size + " bytes runs past the end of the file; the file is truncated");
        }
        ByteBuffer data = slice(buffer, buffer.position(), size);
        int padded = first == MI_COMPRESSED ? size : (size + 7) & ~7;
        buffer.position(Math.min(buffer.limit(), buffer.position() + padded));
        return new Element(first, data);
    }

    private static ByteBuffer slice(ByteBuffer buffer, int from, int size) {
        ByteBuffer copy = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        copy.position(from).limit(from + size);
        return copy.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private Object matrix(ByteBuffer data, String[] nameOut) throws IOException {
        if (!data.hasRemaining()) {
            nameOut[0] = "";
            return new double[0];
        }
        int mxClass = next(data).data.get(0) & 0xFF;
        int[] dims = ints(next(data));
        nameOut[0] = StandardCharsets.UTF_8.decode(next(data).data).toString();
        int count = 1;
        for (int d : dims) {
            count *= d;
        }
        switch (mxClass) {
            case MX_CELL -> {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    cells.add(matrix(next(data).data, new String[1]));
                }
                return cells;
            }
            case MX_STRUCT -> {
                return struct(data, count);
            }
            case MX_CHAR -> {
                return text(next(data));
            }
            default -> {
                if (mxClass < 6 || mxClass > 15) {
                    throw new IOException(file + ": MATLAB array class " + mxClass + " (sparse, object or function) is not supported");
                }
                return numbers(next(data));
            }
        }
    }

    private List<Map<String, Object>> struct(ByteBuffer data, int count) throws IOException {
        int nameLength = ints(next(data))[0];
        ByteBuffer names = next(data).data;
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < names.remaining() / nameLength; f++) {
            byte[] raw = new byte[nameLength];
            names.get(f * nameLength, raw);
            fields.add(new String(raw, StandardCharsets.US_ASCII).replace("\0", ""));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> element = new LinkedHashMap<>();
            for (String field : fields) {
                element.put(field, matrix(next(data).data, new String[1]));
            }
            out.add(element);
        }
        return out;
    }

    private static String text(Element e) {
        if (e.type == MI_UTF8 || e.type == MI_UINT8 || e.type == MI_INT8) {
            return StandardCharsets.UTF_8.decode(e.data).toString();
        }
        StringBuilder s = new StringBuilder();
        while (e.data.remaining() >= 2) {
            s.append((char) e.data.getShort());
        }
        return s.toString();
    }

    private int[] ints(Element e) throws IOException {
        double[] values = numbers(e);
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    private double[] numbers(Element e) throws IOException {
        ByteBuffer d = e.data;
        int width = switch (e.type) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> throw new IOException(file + ": unexpected data type " + e.type + " in a numeric array");
        };
        double[] out = new double[d.remaining() / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type) {
                case MI_INT8 -> d.get();
                case MI_UINT8 -> d.get() & 0xFF;
                case MI_INT16 -> d.getShort();
                case MI_UINT16 -> d.getShort() & 0xFFFF;
                case MI_INT32 -> d.getInt();
                case MI_UINT32 -> d.getInt() & 0xFFFFFFFFL;
                case MI_SINGLE -> d.getFloat();
                case MI_DOUBLE -> d.getDouble();
                default -> d.getLong();
            };
        }
        return out;
    }

    private byte[] inflate(ByteBuffer compressed) throws IOException {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException(file + ": compressed variable ends early; the file is truncated");
                }
                out.write(chunk, 0, n);
            }
        } catch (DataFormatException ex) {
            throw new IOException(file + ": corrupt compressed variable: " + ex.getMessage(), ex);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
