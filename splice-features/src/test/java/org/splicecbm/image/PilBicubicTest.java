package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Bit-exact agreement with PIL 9.4's {@code Image.resize(..., BICUBIC)} (references from make_image_refs.py). */
class PilBicubicTest {

    @Test
    void resizesExactlyLikePil() throws Exception {
        JsonNode refs;
        try (InputStream in = getClass().getResourceAsStream("/image/pil_refs.json")) {
            refs = new ObjectMapper().readTree(in);
        }
        assertEquals(6, refs.get("resized").size());
        for (JsonNode c : refs.get("resized")) {
            int iw = c.get("in_width").asInt();
            int ih = c.get("in_height").asInt();
            int ow = c.get("out_width").asInt();
            int oh = c.get("out_height").asInt();
            int[] out = PilBicubic.resize(pack(c.get("in"), iw * ih), iw, ih, ow, oh);
            assertArrayEquals(pack(c.get("out"), ow * oh), out, iw + "x" + ih + " -> " + ow + "x" + oh);
        }
    }

    @Test
    void sameSizeIsIdentity() {
        int[] px = {0x102030, 0xFFFFFF, 0x000000, 0x7F7F7F};
        assertArrayEquals(px, PilBicubic.resize(px, 2, 2, 2, 2));
    }

    @Test
    void outputSizeFollowsTransformersShortestEdge() {
        assertArrayEquals(new int[] {32, 40}, ImagePreprocessor.resizedSize(40, 50, 32));
        assertArrayEquals(new int[] {67, 32}, ImagePreprocessor.resizedSize(70, 33, 32));
        assertArrayEquals(new int[] {224, 298}, ImagePreprocessor.resizedSize(375, 500, 224));
        assertArrayEquals(new int[] {224, 224}, ImagePreprocessor.resizedSize(10, 10, 224));
    }

    static int[] pack(JsonNode bytes, int pixels) {
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            out[i] = bytes.get(3 * i).asInt() << 16 | bytes.get(3 * i + 1).asInt() << 8 | bytes.get(3 * i + 2).asInt();
        }
        return out;
    }
}
