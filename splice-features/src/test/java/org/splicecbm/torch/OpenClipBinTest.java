package org.splicecbm.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tiny RN fixture's torch.save state dict equals its safetensors twin, tensor by tensor. */
class OpenClipBinTest {
    private static final Path FIXTURE = fixture();

    private static Path fixture() {
        try {
            return Path.of(OpenClipBinTest.class.getResource("/fixtures/clip/tiny-clip-rn/open_clip_config.json").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void binMatchesSafetensorsExactly() throws IOException {
        Map<String, TorchTensor> bin = TorchArchive.readStateDict(FIXTURE.resolve("open_clip_pytorch_model.bin"));
        byte[] st = Files.readAllBytes(FIXTURE.resolve("open_clip_model.safetensors"));
        ByteBuffer buf = ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buf.getLong(0);
        JsonObject header = JsonParser.parseString(new String(st, 8, headerLength, StandardCharsets.UTF_8)).getAsJsonObject();
        header.remove("__metadata__");
        assertEquals(header.keySet(), bin.keySet());
        for (String name : header.keySet()) {
            JsonObject info = header.getAsJsonObject(name);
            TorchTensor t = bin.get(name);
            long[] shape = new long[info.getAsJsonArray("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = info.getAsJsonArray("shape").get(i).getAsLong();
            }
            assertArrayEquals(shape, t.shape(), name);
            int start = 8 + headerLength + info.getAsJsonArray("data_offsets").get(0).getAsInt();
            String dtype = info.get("dtype").getAsString();
            assertEquals(dtype, t.dtype(), name);
            for (int i = 0; i < t.values().length; i++) {
                float expected = dtype.equals("I64") ? buf.getLong(start + 8 * i) : buf.getFloat(start + 4 * i);
                assertEquals(expected, t.values()[i], 0f, name + "[" + i + "]");
            }
        }
    }
}
