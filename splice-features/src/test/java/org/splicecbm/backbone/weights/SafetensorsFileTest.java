package org.splicecbm.backbone.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.engine.DjlRuntime;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private Path sample() throws IOException {
        Path p = dir.resolve("w.safetensors");
        ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-3);
        new SafetensorsWriter()
                .f32("a", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
                // 1.0, -2.0, 0.5, 65504, smallest subnormal, -0.0
                .raw("half", "F16", shorts(0x3C00, 0xC000, 0x3800, 0x7BFF, 0x0001, 0x8000), 6)
                // bf16: 1.0, -2.0, 3.140625
                .raw("brain", "BF16", shorts(0x3F80, 0xC000, 0x4049), 3)
                .raw("ids", "I64", longs.array(), 2)
                .f32("scalar", new float[] {2.5f})
                .write(p);
        return p;
    }

    @Test
    void readsAllSupportedDtypes() throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(sample())) {
            assertEquals(5, f.names().size());
            assertArrayEquals(new long[] {2, 3}, f.info("a").shape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, f.readFloats("a"));
            assertArrayEquals(new float[] {1f, -2f, 0.5f, 65504f, 0x1p-24f, -0f}, f.readFloats("half"));
            assertArrayEquals(new float[] {1f, -2f, 3.140625f}, f.readFloats("brain"));
            assertArrayEquals(new long[] {7, -3}, f.readLongs("ids"));
            assertArrayEquals(new float[] {2.5f}, f.readFloats("scalar"));
        }
    }

    @Test
    void loadsNdArrayWithCheckedShape() throws IOException {
        DjlRuntime.configure();
        try (SafetensorsFile f = SafetensorsFile.open(sample()); NDManager m = NDManager.newBaseManager()) {
            NDArray a = f.load(m, "a", 2, 3);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.toFloatArray());
            SafetensorsException e = assertThrows(SafetensorsException.class, () -> f.load(m, "a", 3, 2));
            assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("[3, 2]")
                    && e.getMessage().contains("[2, 3]") && e.getMessage().contains("w.safetensors"), e.getMessage());
        }
    }

    @Test
    void missingTensorNamesFileAndTensor() throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(sample())) {
            SafetensorsException e = assertThrows(SafetensorsException.class, () -> f.readFloats("nope"));
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("w.safetensors"));
        }
    }

    @Test
    void wrongDtypeIsRefused() throws IOException {
        try (SafetensorsFile f = SafetensorsFile.open(sample())) {
            assertThrows(SafetensorsException.class, () -> f.readFloats("ids"));
            assertThrows(SafetensorsException.class, () -> f.readLongs("a"));
        }
        Path p = dir.resolve("i8.safetensors");
        new SafetensorsWriter().raw("q", "I8", new byte[4], 4).f32("ok", new float[] {1}, 1).write(p);
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertArrayEquals(new float[] {1}, f.readFloats("ok"), "an unused I8 tensor does not block the file");
            SafetensorsException e = assertThrows(SafetensorsException.class, () -> f.readFloats("q"));
            assertTrue(e.getMessage().contains("'q'") && e.getMessage().contains("I8"), e.getMessage());
        }
        Path unknown = dir.resolve("q4.safetensors");
        new SafetensorsWriter().raw("w", "Q4", new byte[4], 4).write(unknown);
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(unknown));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("Q4"), e.getMessage());
    }

    @Test
    void readsF64AsFloat() throws IOException {
        Path p = dir.resolve("f64.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-1e10);
        new SafetensorsWriter().raw("d", "F64", b.array(), 2).write(p);
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertArrayEquals(new float[] {0.25f, -1e10f}, f.readFloats("d"));
        }
    }

    /** A tensor stored beyond 2 GiB (sparse file: no real disk use) is read with long offsets. */
    @Test
    void readsTensorsBeyondTwoGibibytes() throws IOException {
        long gap = (1L << 31) + 12;
        String header = "{\"pad\":{\"dtype\":\"U8\",\"shape\":[" + gap + "],\"data_offsets\":[0," + gap + "]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + gap + "," + (gap + 8) + "]}}";
        byte[] headerBytes = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path p = dir.resolve("big.safetensors");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            file.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).array());
            file.write(headerBytes);
            file.seek(8 + headerBytes.length + gap);
            file.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-7f).array());
        }
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertArrayEquals(new float[] {1.5f, -7f}, f.readFloats("x"));
            assertThrows(SafetensorsException.class, () -> f.readFloats("pad"));
        }
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path p = sample();
        byte[] bytes = Files.readAllBytes(p);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(tiny));
    }

    @Test
    void nonJsonHeaderAndMissingFileAreRefused() throws IOException {
        Path p = dir.resolve("bad.safetensors");
        ByteBuffer b = ByteBuffer.allocate(8 + 4).order(ByteOrder.LITTLE_ENDIAN).putLong(4).put("{{{{".getBytes());
        Files.write(p, b.array());
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(p));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(dir.resolve("absent.safetensors")));
    }

    @Test
    void inconsistentByteRangeIsRefused() throws IOException {
        Path p = dir.resolve("span.safetensors");
        new SafetensorsWriter().raw("x", "F32", new byte[8], 3).write(p);
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> SafetensorsFile.open(p));
        assertTrue(e.getMessage().contains("needs 12 bytes"), e.getMessage());
    }
}
