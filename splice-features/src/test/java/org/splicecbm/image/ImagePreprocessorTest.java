package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Crop offsets, zero padding, rescale and normalisation on images whose expected output is known by hand. */
class ImagePreprocessorTest {
    private static final float[] ZERO = {0, 0, 0};
    private static final float[] ONE = {1, 1, 1};

    private static BufferedImage columns(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x << 16 | y << 8 | 200);
            }
        }
        return image;
    }

    @Test
    void cropsWithFloorOffsetsWithoutResizingWhenTheShortSideFits() {
        // 7 x 4 with shortest edge 4: no resize; crop 4 x 2 -> left = (7 - 4) // 2 = 1, top = (4 - 2) // 2 = 1
        PreprocessSpec spec = new PreprocessSpec(4, 2, 4, 1.0, ZERO, ONE);
        float[] out = new ImagePreprocessor(spec).apply(columns(7, 4));
        assertArrayEquals(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, java.util.Arrays.copyOfRange(out, 0, 8));
        assertArrayEquals(new float[] {1, 1, 1, 1, 2, 2, 2, 2}, java.util.Arrays.copyOfRange(out, 8, 16));
        assertEquals(200f, out[16]);
    }

    @Test
    void padsWithZerosWhenTheCropIsLargerThanTheImage() {
        // shortest edge 3 < crop 5: transformers pads with black, top_pad = ceil((5 - 3) / 2) = 1
        PreprocessSpec spec = new PreprocessSpec(3, 5, 5, 1.0, ZERO, ONE);
        float[] out = new ImagePreprocessor(spec).apply(columns(3, 3));
        float[] red = java.util.Arrays.copyOfRange(out, 0, 25);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1, 2, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0}, red);
        assertEquals(0f, out[50]); // padded blue is black too
        assertEquals(200f, out[50 + 6]);
    }

    @Test
    void rescalesAndNormalisesPerChannel() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 255 << 16 | 0 << 8 | 51);
        PreprocessSpec spec = new PreprocessSpec(1, 1, 1, 1.0 / 255.0, new float[] {0.5f, 0.5f, 0.1f}, new float[] {0.5f, 0.25f, 0.1f});
        float[] out = new ImagePreprocessor(spec).apply(image);
        assertEquals(1.0f, out[0], 1e-6);
        assertEquals(-2.0f, out[1], 1e-6);
        assertEquals(1.0f, out[2], 1e-6);
    }

    @Test
    void nonRgbImagesFollowPilConversion() {
        // A linear-grey BufferedImage must not be gamma-converted: grey 128 stays 128.
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        PreprocessSpec spec = new PreprocessSpec(2, 2, 2, 1.0, ZERO, ONE);
        float[] out = new ImagePreprocessor(spec).apply(grey);
        assertEquals(128f, out[0]);
        assertEquals(128f, out[4]);
        assertEquals(128f, out[8]);
    }
}
