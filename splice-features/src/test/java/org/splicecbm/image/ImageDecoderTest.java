package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoded pixels against PIL 9.4's {@code Image.open(f).convert("RGB")} for the files make_image_refs.py
 * wrote: PNG (8/16-bit, palette with transparency, grey, grey+alpha, RGBA), JPEG (RGB, grey, Adobe CMYK),
 * BMP and an animated GIF. All must match exactly: the JDK's libjpeg and Debian's libjpeg-turbo decode
 * the same coefficients, and colour conversion follows libjpeg's and PIL's integer arithmetic (an embedded
 * ICC profile is ignored, as PIL ignores it).
 */
class ImageDecoderTest {
    private static JsonNode refs;

    @BeforeAll
    static void loadReferences() throws IOException {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream("/image/pil_refs.json")) {
            refs = new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @CsvSource({"rgba.png, 0", "grey_alpha.png, 0", "grey.png, 0", "palette.png, 0", "rgb16.png, 0", "rgba16.png, 0",
            "grey16.png, 0", "grey1bit.png, 0", "grey2bit.png, 0", "grey4bit.png, 0", "grey_alpha16.png, 0", "rgb.bmp, 0", "anim.gif, 0", "rgb.jpg, 0", "grey.jpg, 0", "icc.jpg, 0", "odd_420.jpg, 0", "odd_progressive.jpg, 0", "cmyk.jpg, 0", "ycck.jpg, 0"})
    void decodesLikePilConvertRgb(String name, int tolerance) throws Exception {
        BufferedImage image = ImageDecoder.decode(resource(name), name);
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        JsonNode ref = refs.get("decoded").get(name);
        assertEquals(ref.get("width").asInt(), image.getWidth(), name);
        assertEquals(ref.get("height").asInt(), image.getHeight(), name);
        int worst = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int at = 3 * (y * image.getWidth() + x);
                for (int c = 0; c < 3; c++) {
                    int actual = p >> (16 - 8 * c) & 0xFF;
                    worst = Math.max(worst, Math.abs(actual - ref.get("rgb").get(at + c).asInt()));
                }
            }
        }
        assertTrue(worst <= tolerance, name + ": largest channel difference from PIL " + worst);
    }

    @Test
    void cmykJpegHasTheRightColours() throws Exception {
        BufferedImage image = ImageDecoder.decode(resource("cmyk.jpg"), "cmyk.jpg");
        assertColour(0x00FFFF, image.getRGB(3, 8), "cyan ink");
        assertColour(0xFF0000, image.getRGB(12, 8), "magenta + yellow ink");
        assertColour(0x7F7F7F, image.getRGB(20, 8), "50% black ink");
    }

    @Test
    void adobeYcckJpegHasTheRightColours() throws Exception {
        BufferedImage image = ImageDecoder.decode(resource("ycck.jpg"), "ycck.jpg");
        assertColour(0x00FFFF, image.getRGB(3, 8), "cyan ink");
        assertColour(0xFF0000, image.getRGB(12, 8), "magenta + yellow ink");
        assertColour(0x7F7F7F, image.getRGB(20, 8), "50% black ink");
    }

    @Test
    void alphaIsDroppedNotComposited() throws Exception {
        // Row 0 of rgba.png is fully transparent: PIL keeps its stored colours, it does not paint it white.
        BufferedImage image = ImageDecoder.decode(resource("rgba.png"), "rgba.png");
        JsonNode rgb = refs.get("decoded").get("rgba.png").get("rgb");
        int expected = rgb.get(0).asInt() << 16 | rgb.get(1).asInt() << 8 | rgb.get(2).asInt();
        assertEquals(expected, image.getRGB(0, 0) & 0xFFFFFF);
        assertTrue(expected != 0xFFFFFF && expected != 0);
    }

    @ParameterizedTest
    @CsvSource({"rgb.jpg", "cmyk.jpg", "ycck.jpg", "rgba.png", "rgb16.png", "palette.png", "rgb.bmp"})
    void truncatedFilesAreRefused(String name) throws Exception {
        byte[] full = resource(name);
        for (int keep : new int[] {full.length - 2, full.length * 3 / 4, full.length / 2}) {
            byte[] cut = Arrays.copyOf(full, keep);
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(cut, "cut-" + name),
                    name + " cut to " + keep + " of " + full.length + " bytes was accepted");
            assertTrue(e.getMessage().startsWith("cut-" + name + ": "), e.getMessage());
        }
    }

    @Test
    void jpegWithDamagedScanIsRefused() throws Exception {
        // Keep the end-of-image marker but drop the middle of the entropy-coded data.
        byte[] full = resource("rgb.jpg");
        int cutFrom = (indexOfScan(full) + full.length) / 2;
        int cutLength = 30;
        byte[] damaged = new byte[full.length - cutLength];
        System.arraycopy(full, 0, damaged, 0, cutFrom);
        System.arraycopy(full, cutFrom + cutLength, damaged, cutFrom, full.length - cutFrom - cutLength);
        BufferedImage decoded;
        try {
            decoded = ImageDecoder.decode(damaged, "damaged.jpg");
        } catch (ImageDecodeException expected) {
            assertTrue(expected.getMessage().contains("damaged.jpg"));
            return;
        }
        throw new AssertionError("damaged JPEG decoded without error to a " + decoded.getWidth() + "x" + decoded.getHeight() + " image");
    }

    @Test
    void nonImagesAreRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "this is a text file, not a picture\n", StandardCharsets.UTF_8);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(text));
        assertTrue(e.getMessage().contains("notes.jpg") && e.getMessage().contains("not a supported image"), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.png"));
        e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(empty));
        assertTrue(e.getMessage().contains("empty.png") && e.getMessage().contains("empty"), e.getMessage());

        Path missing = dir.resolve("missing.png");
        e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(missing));
        assertTrue(e.getMessage().contains("missing.png") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void decompressionBombsAreRefusedBeforeDecoding() throws Exception {
        // A valid PNG header declaring 20000 x 10000 pixels: refused from the header alone.
        byte[] png = resource("grey.png");
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20000).putInt(10000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(png, "bomb.png"));
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
    }

    private static int indexOfScan(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new AssertionError("no SOS marker");
    }

    private static void assertColour(int expected, int actualArgb, String what) {
        int actual = actualArgb & 0xFFFFFF;
        for (int shift = 0; shift <= 16; shift += 8) {
            int d = Math.abs((expected >> shift & 0xFF) - (actual >> shift & 0xFF));
            assertTrue(d <= 2, what + ": expected #" + Integer.toHexString(expected) + ", decoded #" + Integer.toHexString(actual));
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream("/image/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /image/" + name);
            }
            return in.readAllBytes();
        }
    }
}
