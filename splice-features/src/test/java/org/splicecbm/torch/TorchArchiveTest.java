package org.splicecbm.torch;

import org.splicecbm.SharedFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TorchArchiveTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"clip_RN50_image.pt, 1024, 0.62175924", "clip_ViT-B-16_image.pt, 512, 0.7016328",
            "clip_ViT-B-32_image.pt, 512, 0.6841621", "open_clip_ViT-B-32_image.pt, 512, 0.5601161"})
    void spliceImageMeansLoad(String file, int dim, double norm) throws IOException {
        TorchTensor mean = TorchArchive.readTensor(SharedFixtures.spliceData().resolve("means").resolve(file));
        assertEquals("F32", mean.dtype());
        assertArrayEquals(new long[] {dim}, mean.shape());
        double sq = 0;
        for (float v : mean.values()) {
            assertTrue(Float.isFinite(v));
            sq += v * v;
        }
        // the norm numpy computes from the raw storage record
        assertEquals(norm, Math.sqrt(sq), 1e-5);
    }

    @Test
    void nonContiguousViewWithOffsetIsGathered() throws IOException {
        // storage 0..6; view = offset 1, shape (3,2), stride (1,3): the transpose of [[1,2,3],[4,5,6]]
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2)
                .tensor("FloatStorage", "0", 7, 1, new int[] {3, 2}, new int[] {1, 3}).op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("t.pt"), Map.of("a/data.pkl", pickle,
                "a/data/0", TorchZips.floats(0, 1, 2, 3, 4, 5, 6), "a/byteorder", "little".getBytes()));
        TorchTensor t = TorchArchive.readTensor(file);
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t.values());
    }

    @Test
    void halfAndBfloat16AreWidened() throws IOException {
        ByteBuffer half = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        half.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x0001); // 1, -2, smallest subnormal
        ByteBuffer bf16 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        bf16.putShort((short) 0x3fc0).putShort((short) 0xbf80); // 1.5, -1
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2).op('}').op('(')
                .str("h").tensor("HalfStorage", "0", 3, 0, new int[] {3}, new int[] {1})
                .str("b").tensor("BFloat16Storage", "1", 2, 0, new int[] {2}, new int[] {1})
                .op('u').op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("sd.pt"), Map.of("m/data.pkl", pickle, "m/data/0", half.array(),
                "m/data/1", bf16.array()));
        LinkedHashMap<String, TorchTensor> sd = TorchArchive.readStateDict(file);
        assertEquals("F16", sd.get("h").dtype());
        assertArrayEquals(new float[] {1f, -2f, 0x1p-24f}, sd.get("h").values());
        assertArrayEquals(new float[] {1.5f, -1f}, sd.get("b").values());
    }

    @Test
    void orderedDictWithMetadataStateLoadsInFileOrder() throws IOException {
        // what model.state_dict() pickles: OrderedDict(), SETITEMS of tensors, then BUILD({'_metadata': OrderedDict()})
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2).global("collections", "OrderedDict").op(')').op('R')
                .op('(').str("z.weight").tensor("FloatStorage", "0", 2, 0, new int[] {2}, new int[] {1})
                .str("a.bias").tensor("FloatStorage", "0", 2, 1, new int[] {1}, new int[] {1}).op('u')
                .op('}').str("_metadata").global("collections", "OrderedDict").op(')').op('R').op('s').op('b')
                .op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("od.pt"), Map.of("od/data.pkl", pickle, "od/data/0", TorchZips.floats(7, 8)));
        LinkedHashMap<String, TorchTensor> sd = TorchArchive.readStateDict(file);
        assertEquals(java.util.List.of("z.weight", "a.bias"), java.util.List.copyOf(sd.keySet()));
        assertArrayEquals(new float[] {7, 8}, sd.get("z.weight").values());
        assertArrayEquals(new float[] {8}, sd.get("a.bias").values());
    }

    @Test
    void maliciousGlobalIsRefusedNamingIt() throws IOException {
        byte[] pickle = "cos\nsystem\n(S'touch /tmp/pwned'\ntR.".getBytes();
        Path file = TorchZips.write(tmp.resolve("evil.pt"), Map.of("evil/data.pkl", pickle));
        UnsafePickleException e = assertThrows(UnsafePickleException.class, () -> TorchArchive.readStateDict(file));
        assertEquals("os.system", e.global());
        assertTrue(e.getMessage().contains("os.system") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void stackGlobalIsCheckedToo() throws IOException {
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(4).str("builtins").str("eval").op(0x93)
                .str("print(1)").op(0x85).op('R').op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("evil4.pt"), Map.of("x/data.pkl", pickle));
        UnsafePickleException e = assertThrows(UnsafePickleException.class, () -> TorchArchive.readTensor(file));
        assertEquals("builtins.eval", e.global());
    }

    @Test
    void truncatedZipIsAClearError() throws IOException {
        byte[] whole = Files.readAllBytes(SharedFixtures.spliceData().resolve("means/clip_RN50_image.pt"));
        Path file = Files.write(tmp.resolve("cut.pt"), Arrays.copyOf(whole, whole.length / 2));
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("cut.pt"), e.getMessage());
    }

    @Test
    void missingStorageRecordIsNamed() throws IOException {
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2)
                .tensor("FloatStorage", "7", 2, 0, new int[] {2}, new int[] {1}).op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("gap.pt"), Map.of("a/data.pkl", pickle));
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("a/data/7") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void storageRecordsAreNeverReadBeyondTheirDeclaredSize() throws IOException {
        // a deflated record far larger than its storage declares (a zip bomb) is refused, not inflated
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2)
                .tensor("FloatStorage", "0", 2, 0, new int[] {2}, new int[] {1}).op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("bomb.pt"), Map.of("a/data.pkl", pickle, "a/data/0", new byte[64 << 20]));
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("a/data/0") && e.getMessage().contains("larger than the 8 bytes"), e.getMessage());
        assertTrue(Files.size(file) < 1 << 20, "the test archive is compressed");
    }

    @Test
    void shortStorageRecordIsTruncation() throws IOException {
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2)
                .tensor("FloatStorage", "0", 4, 0, new int[] {4}, new int[] {1}).op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("short.pt"), Map.of("a/data.pkl", pickle, "a/data/0", TorchZips.floats(1, 2)));
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("has 8 bytes but 4 F32 elements need 16"), e.getMessage());
    }

    @Test
    void viewOutsideItsStorageIsRefused() throws IOException {
        byte[] pickle = new TorchZips.Pickle().op(0x80).op(2)
                .tensor("FloatStorage", "0", 4, 2, new int[] {3}, new int[] {1}).op('.').bytes();
        Path file = TorchZips.write(tmp.resolve("oob.pt"), Map.of("a/data.pkl", pickle, "a/data/0", TorchZips.floats(1, 2, 3, 4)));
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("reaches element 4"), e.getMessage());
    }

    @Test
    void legacyNonZipCheckpointIsRefused() throws IOException {
        Path file = Files.write(tmp.resolve("old.pt"), new byte[] {(byte) 0x80, 2, 'N', '.'});
        TorchFormatException e = assertThrows(TorchFormatException.class, () -> TorchArchive.readTensor(file));
        assertTrue(e.getMessage().contains("not a zip-format"), e.getMessage());
    }
}
