package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decoding plus preprocessing against the pixel values transformers' CLIPImageProcessor produced for
 * the fixture images (tolerances: max abs 0.03, i.e. about one 8-bit level after normalisation; mean abs 1e-3).
 */
class ClipGoldenPreprocessingTest {

    @ParameterizedTest
    @CsvSource({"tiny-clip-quickgelu, hf", "tiny-clip-gelu, hf", "tiny-clip-rn, open_clip"})
    void matchesTransformersPixelValues(String fixture, String configKind) throws Exception {
        Path dir = Paths.get(getClass().getResource("/fixtures/clip/" + fixture + "/golden.json").toURI()).getParent();
        JsonNode golden = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        PreprocessSpec spec = configKind.equals("hf")
                ? PreprocessSpecs.fromHuggingFace(dir.resolve("preprocessor_config.json"))
                : PreprocessSpecs.fromOpenClip(dir.resolve("open_clip_config.json"));
        ImagePreprocessor preprocessor = new ImagePreprocessor(spec);
        JsonNode shape = golden.get("pixel_values_shape");
        assertArrayEquals(new int[] {3, shape.get(2).asInt(), shape.get(3).asInt()},
                new int[] {3, spec.cropHeight(), spec.cropWidth()});
        JsonNode expected = golden.get("pixel_values");
        int n = spec.pixelCount();
        assertEquals(golden.get("images").size() * n, expected.size());
        for (int i = 0; i < golden.get("images").size(); i++) {
            String image = golden.get("images").get(i).asText();
            float[] actual = preprocessor.apply(ImageDecoder.decode(dir.resolve(image)));
            double max = 0;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double d = Math.abs(actual[j] - expected.get(i * n + j).asDouble());
                max = Math.max(max, d);
                sum += d;
            }
            assertTrue(max <= 0.03, fixture + " " + image + ": max abs difference " + max);
            assertTrue(sum / n <= 1e-3, fixture + " " + image + ": mean abs difference " + sum / n);
        }
    }
}
