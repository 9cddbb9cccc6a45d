package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CenterCropTest {

    /** Expected values from Python: {@code (s - c) // 2} and torchvision's {@code int(round((s - c) / 2.0))} / {@code -((c - s) // 2)}. */
    @ParameterizedTest
    @CsvSource({"67, 32, 17, 18", "115, 96, 9, 10", "33, 32, 0, 0", "35, 32, 1, 2", "37, 32, 2, 2", "30, 33, -2, -1",
            "31, 33, -1, -1", "32, 32, 0, 0"})
    void offsetsFollowEachLibrary(int size, int crop, int transformers, int torchvision) {
        assertEquals(transformers, CenterCrop.TRANSFORMERS.offset(size, crop));
        assertEquals(torchvision, CenterCrop.TORCHVISION.offset(size, crop));
    }

    @Test
    void torchvisionCropIsTheTransformersCropShiftedByOneColumnForAnOddMargin() throws Exception {
        // 120 x 100 resized to 115 x 96; crop 96: transformers starts at column 9, torchvision at 10
        Path png = Paths.get(getClass().getResource("/fixtures/clip/tiny-clip-rn/golden-images/img0.png").toURI());
        PreprocessSpec spec = PreprocessSpec.clip(96);
        float[] hf = new ImagePreprocessor(spec).apply(ImageDecoder.decode(png));
        float[] tv = new ImagePreprocessor(spec, CenterCrop.TORCHVISION).apply(ImageDecoder.decode(png));
        int differing = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 95; x++) {
                    int at = c * 96 * 96 + y * 96 + x;
                    assertEquals(hf[at + 1], tv[at], "channel " + c + " row " + y + " column " + x);
                    differing += hf[at] != tv[at] ? 1 : 0;
                }
            }
        }
        assertEquals(true, differing > 0, "the two crops must differ somewhere");
    }
}
