package org.splicecbm.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splicecbm.SharedFixtures;

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
        ObjectNode header = (ObjectNode) new ObjectMapper().readTree(new String(st, 8, headerLength, StandardCharsets.UTF_8));
        header.remove("__metadata__");
        Set<String> names = new HashSet<>();
        header.fieldNames().forEachRemaining(names::add);
        assertEquals(names, bin.keySet());
        for (String name : names) {
            JsonNode info = header.get(name);
            TorchTensor t = bin.get(name);
            long[] shape = new long[info.get("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = info.get("shape").get(i).asLong();
            }
            assertArrayEquals(shape, t.shape(), name);
            int start = 8 + headerLength + info.get("data_offsets").get(0).asInt();
            String dtype = info.get("dtype").asText();
            assertEquals(dtype, t.dtype(), name);
            for (int i = 0; i < t.values().length; i++) {
                float expected = dtype.equals("I64") ? buf.getLong(start + 8 * i) : buf.getFloat(start + 4 * i);
                assertEquals(expected, t.values()[i], 0f, name + "[" + i + "]");
            }
        }
    }
}
