package org.splicecbm.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splicecbm.engine.DeviceChoice;

/**
 * Parity with Hugging Face transformers 5.17 on the tiny fixtures (quick_gelu with legacy arg-max pooling;
 * exact gelu with eos-id pooling): token ids exactly, embeddings within 1e-4 relative (max abs diff /
 * max abs golden). A batch size of 3 makes both towers run several batches, one of them partial.
 */
class HfClipBackboneTest {
    private static final double TOLERANCE = 1e-4;

    private static HfClipBackbone open(ClipGolden golden) {
        return HfClipBackbone.load(golden.dir(), new BackboneOptions(DeviceChoice.CPU, 0, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-clip-quickgelu", "tiny-clip-gelu"})
    void matchesTransformers(String fixture) throws Exception {
        ClipGolden golden = ClipGolden.load(fixture);
        try (HfClipBackbone clip = open(golden)) {
            TokenBatch tokens = clip.tokenize(golden.texts());
            for (int i = 0; i < golden.texts().size(); i++) {
                assertArrayEquals(golden.inputIds()[i], tokens.ids()[i], "input_ids of " + golden.texts().get(i));
                assertArrayEquals(golden.attentionMask()[i], tokens.mask()[i], "mask of " + golden.texts().get(i));
            }
            assertEquals(24, clip.embeddingDim());
            double imageError = ClipGolden.relativeError(clip.embedImages(golden.pixelValues()), golden.imageEmbeds());
            assertTrue(imageError <= TOLERANCE, fixture + " image embeddings relative error " + imageError);
            double textError = ClipGolden.relativeError(clip.embedTexts(golden.texts()), golden.textEmbeds());
            assertTrue(textError <= TOLERANCE, fixture + " text embeddings relative error " + textError);
            assertEquals(32, clip.preprocessing().cropHeight());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-clip-quickgelu", "tiny-clip-gelu"})
    void longTextsKeepTheEndToken(String fixture) throws Exception {
        ClipGolden golden = ClipGolden.load(fixture);
        try (HfClipBackbone clip = open(golden)) {
            String longText = String.join(" ", java.util.Collections.nCopies(30, "a photo of a cat"));
            long[] ids = clip.tokenize(List.of(longText)).ids()[0];
            long[] reference = golden.inputIds()[0];
            assertEquals(16, ids.length);
            assertEquals(reference[0], ids[0], "start token");
            assertEquals(reference[6], ids[15], "end token kept at the last position");
            assertEquals(1, clip.embedTexts(List.of(longText)).length);
        }
    }
}
