package org.splicecbm.backbone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;

/**
 * PNG files to image embeddings through our own decoder, PIL-faithful preprocessing and the backbone,
 * against transformers' embeddings of the same files: within 2e-3 relative (max abs diff / max abs
 * golden), the preprocessing being allowed about one 8-bit level of difference per pixel.
 */
class ClipEndToEndTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-clip-quickgelu", "tiny-clip-gelu"})
    void pngToEmbeddingMatchesTransformers(String fixture) throws Exception {
        ClipGolden golden = ClipGolden.load(fixture);
        try (HfClipBackbone clip = HfClipBackbone.load(golden.dir(), new BackboneOptions(DeviceChoice.CPU, 0, 8))) {
            ImagePreprocessor preprocessor = new ImagePreprocessor(clip.preprocessing());
            float[][] pixels = new float[golden.images().size()][];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = preprocessor.apply(ImageDecoder.decode(golden.dir().resolve(golden.images().get(i))));
            }
            double error = ClipGolden.relativeError(clip.embedImages(pixels), golden.imageEmbeds());
            assertTrue(error <= 2e-3, fixture + " end-to-end relative error " + error);
        }
    }
}
