package org.splicecbm.backbone.weights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes small safetensors files for tests and benchmarks (raw little-endian bytes per tensor). */
public final class SafetensorsWriter {
    private record Entry(String name, String dtype, long[] shape, byte[] data) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Adds an F32 tensor. */
    public SafetensorsWriter f32(String name, float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return raw(name, "F32", b.array(), shape);
    }

    /** Adds a tensor with any dtype string and raw bytes (for malformed-file tests). */
    public SafetensorsWriter raw(String name, String dtype, byte[] data, long... shape) {
        entries.add(new Entry(name, dtype, shape.clone(), data));
        return this;
    }

    /** Writes the file. */
    public void write(Path path) throws IOException {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Entry e : entries) {
            json.append(",\"").append(e.name).append("\":{\"dtype\":\"").append(e.dtype).append("\",\"shape\":")
                    .append(Arrays.toString(e.shape).replace(" ", "")).append(",\"data_offsets\":[")
                    .append(offset).append(',').append(offset + e.data.length).append("]}");
            offset += e.data.length;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (Entry e : entries) {
                out.write(e.data);
            }
        }
    }
}
