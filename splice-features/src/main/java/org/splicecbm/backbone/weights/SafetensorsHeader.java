package org.splicecbm.backbone.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses and validates the length-prefixed JSON header of a safetensors file. */
final class SafetensorsHeader {
    /** The reference implementation refuses headers over 100 MB; so do we, to catch non-safetensors files. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsHeader() {}

    static Map<String, TensorInfo> read(Path path, FileChannel channel) {
        try {
            long fileSize = channel.size();
            long headerBytes = readHeaderLength(path, channel, fileSize);
            ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
            readFully(channel, header, 8);
            JsonNode root = parseJson(path, new String(header.array(), StandardCharsets.UTF_8));
            return entries(path, root, 8 + headerBytes, fileSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors header of " + path, e);
        }
    }

    private static long readHeaderLength(Path path, FileChannel channel, long fileSize) throws IOException {
        if (fileSize < 8) {
            throw new SafetensorsException(path + " is not a safetensors file: it has " + fileSize
                    + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, prefix, 0);
        long length = prefix.getLong(0);
        if (length <= 0 || length > MAX_HEADER_BYTES || 8 + length > fileSize) {
            throw new SafetensorsException(path + " is not a valid safetensors file: header length " + length
                    + " must be between 1 and " + Math.min(MAX_HEADER_BYTES, fileSize - 8)
                    + " (file size " + fileSize + " bytes; truncated or not safetensors?)");
        }
        return length;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of file at " + (position + buffer.position()));
            }
        }
    }

    private static JsonNode parseJson(Path path, String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new SafetensorsException("header of " + path + " must be a JSON object, found "
                        + (root == null ? "nothing" : root.getNodeType()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SafetensorsException("header of " + path + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, TensorInfo> entries(Path path, JsonNode root, long dataStart, long fileSize) {
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("__metadata__")) {
                tensors.put(field.getKey(), entry(path, field.getKey(), field.getValue(), dataStart, fileSize));
            }
        }
        return tensors;
    }

    private static TensorInfo entry(Path path, String name, JsonNode node, long dataStart, long fileSize) {
        String where = "tensor '" + name + "' in " + path;
        String dtypeText = node.path("dtype").asText("");
        SafetensorsDtype dtype = SafetensorsDtype.parse(dtypeText);
        if (dtype == null) {
            throw new SafetensorsException(where + " has dtype '" + dtypeText
                    + "', which is not a safetensors dtype (F64, F32, F16, BF16, I64, I32, U8, BOOL, ...)");
        }
        JsonNode shapeNode = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new SafetensorsException(where + " must have a 'shape' array and two 'data_offsets', found "
                    + node);
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw new SafetensorsException(where + " has a negative or non-numeric dimension: " + shapeNode);
            }
        }
        TensorInfo info = new TensorInfo(name, dtype, shape,
                dataStart + offsets.get(0).asLong(), dataStart + offsets.get(1).asLong());
        validateRange(where, info, fileSize);
        return info;
    }

    private static void validateRange(String where, TensorInfo info, long fileSize) {
        long expectedBytes = info.elementCount() * info.dtype().bytes();
        if (info.end() - info.begin() != expectedBytes) {
            throw new SafetensorsException(where + " with shape " + info.shapeText() + " and dtype "
                    + info.dtype() + " needs " + expectedBytes + " bytes, but its data_offsets span "
                    + (info.end() - info.begin()));
        }
        if (info.end() > fileSize) {
            throw new SafetensorsException(where + " is truncated: its data ends at byte " + info.end()
                    + " but the file has only " + fileSize + " bytes (incomplete download?)");
        }
    }
}
