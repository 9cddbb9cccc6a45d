package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneCatalog;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipModelException;
import org.splicecbm.backbone.TokenBatch;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;

/** OpenClipBackbone on the tiny RN fixture against timm (image) and transformers (text) goldens. */
class OpenClipBackboneTest {
    private static OpenClipBackbone backbone;
    private static JsonNode golden;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        golden = RnFixture.golden();
        backbone = OpenClipBackbone.load(RnFixture.dir(), new BackboneOptions(org.splicecbm.engine.DeviceChoice.CPU, 0, 2));
    }

    @AfterAll
    static void tearDown() {
        backbone.close();
    }

    @Test
    void describesItself() {
        assertEquals(24, backbone.embeddingDim());
        assertEquals(96, backbone.preprocessing().cropHeight());
        assertEquals(96, backbone.preprocessing().shortestEdge());
    }

    @Test
    void tokenIdsMatchExactly() {
        TokenBatch tokens = backbone.tokenize(texts());
        JsonNode expected = golden.get("input_ids");
        for (int r = 0; r < expected.size(); r++) {
            long[] row = new long[expected.get(r).size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = expected.get(r).get(i).asLong();
            }
            assertArrayEquals(row, tokens.ids()[r], "text " + r);
        }
    }

    @Test
    void imageEmbeddingsMatchGoldensAcrossBatches() {
        // batch size 2 over 3 images: exercises the batching split too
        double error = RnFixture.relativeMaxError(backbone.embedImages(RnFixture.pixels(golden)),
                RnFixture.matrix(golden, "image_embeds"));
        assertTrue(error < 1e-4, "relative max error " + error);
    }

    @Test
    void textEmbeddingsMatchGoldens() {
        double error = RnFixture.relativeMaxError(backbone.embedTexts(texts()), RnFixture.matrix(golden, "text_embeds"));
        assertTrue(error < 1e-4, "relative max error " + error);
    }

    @Test
    void pngsEndToEndMatchGoldens() throws Exception {
        ImagePreprocessor preprocessor = new ImagePreprocessor(backbone.preprocessing());
        JsonNode images = golden.get("images");
        float[][] pixels = new float[images.size()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = preprocessor.apply(ImageDecoder.decode(RnFixture.dir().resolve(images.get(i).asText())));
        }
        double error = RnFixture.relativeMaxError(backbone.embedImages(pixels), RnFixture.matrix(golden, "image_embeds"));
        assertTrue(error < 2e-3, "relative max error " + error);
    }

    @Test
    void wrongPixelCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backbone.embedImages(new float[][] {new float[10]}));
        assertTrue(e.getMessage().contains("3x96x96"), e.getMessage());
    }

    @Test
    void missingTokenizerIsNamed() throws IOException {
        Files.copy(RnFixture.dir().resolve(OpenClipBackbone.CONFIG), tmp.resolve(OpenClipBackbone.CONFIG));
        ClipModelException e = assertThrows(ClipModelException.class,
                () -> OpenClipBackbone.load(tmp, BackboneOptions.defaults()));
        assertTrue(e.getMessage().contains(OpenClipBackbone.TOKENIZER), e.getMessage());
    }

    @Test
    void vitConfigIsRefusedNamingTheKey() throws IOException {
        String vit = Files.readString(RnFixture.dir().resolve(OpenClipBackbone.CONFIG))
                .replaceFirst("\"layers\": \\[[^]]*]", "\"layers\": 12");
        Files.writeString(tmp.resolve(OpenClipBackbone.CONFIG), vit);
        Files.copy(RnFixture.dir().resolve(OpenClipBackbone.TOKENIZER), tmp.resolve(OpenClipBackbone.TOKENIZER));
        ClipModelException e = assertThrows(ClipModelException.class,
                () -> OpenClipBackbone.load(tmp, BackboneOptions.defaults()));
        assertTrue(e.getMessage().contains("vision_cfg.layers"), e.getMessage());
    }

    @Test
    void catalogTakesALocalOpenClipDirectoryWithOnlyTheTorchBin() throws IOException {
        for (String f : List.of(OpenClipBackbone.CONFIG, OpenClipBackbone.TOKENIZER, OpenClipBackbone.TORCH_BIN)) {
            Files.copy(RnFixture.dir().resolve(f), tmp.resolve(f));
        }
        BackboneCatalog.Source source = BackboneCatalog.resolve(tmp.toString());
        assertEquals(BackboneCatalog.Kind.RESNET_OPENCLIP, source.kind());
        try (OpenClipBackbone fromBin = OpenClipBackbone.load(source.localDirectory(), BackboneOptions.defaults())) {
            float[][] expected = RnFixture.matrix(golden, "image_embeds");
            double error = RnFixture.relativeMaxError(fromBin.embedImages(RnFixture.pixels(golden)), expected);
            assertTrue(error < 1e-4, "relative max error " + error);
        }
    }

    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        golden.get("texts").forEach(t -> out.add(t.asText()));
        return out;
    }
}
