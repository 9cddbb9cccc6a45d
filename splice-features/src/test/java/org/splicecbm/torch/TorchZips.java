package org.splicecbm.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small torch.save-style archives and pickles by hand for tests. */
final class TorchZips {
    private TorchZips() {}

    static Path write(Path file, Map<String, byte[]> records) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : records.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** A tiny pickle assembler: enough opcodes to describe one tensor. */
    static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int opcode) {
            out.write(opcode);
            return this;
        }

        Pickle global(String module, String name) {
            return raw("c" + module + "\n" + name + "\n");
        }

        Pickle str(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.write(0x8c);
            out.write(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Pickle integer(int v) {
            out.write('J');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        Pickle ints(int... values) {
            op('(');
            for (int v : values) {
                integer(v);
            }
            return op('t');
        }

        Pickle raw(String ascii) {
            out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** {@code _rebuild_tensor_v2(storage(key), offset, shape, stride, False, OrderedDict())}. */
        Pickle tensor(String storageType, String key, int numel, int offset, int[] shape, int[] stride) {
            global("torch._utils", "_rebuild_tensor_v2").op('(');
            op('(').str("storage").global("torch", storageType).str(key).str("cpu").integer(numel).op('t').op('Q');
            integer(offset).ints(shape).ints(stride).op(0x89);
            global("collections", "OrderedDict").op(')').op('R');
            return op('t').op('R');
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
