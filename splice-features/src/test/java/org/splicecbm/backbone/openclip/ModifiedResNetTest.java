package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import org.splicecbm.backbone.weights.CheckpointWeights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splicecbm.engine.DjlRuntime;

/** The DJL ModifiedResNet against timm's ByobNet goldens on the same pixel values. */
class ModifiedResNetTest {
    private static NDManager manager;
    private static JsonNode golden;
    private static OpenClipConfig config;

    @BeforeAll
    static void setUp() {
        DjlRuntime.configure();
        manager = NDManager.newBaseManager();
        golden = RnFixture.golden();
        config = OpenClipConfig.read(RnFixture.dir().resolve("open_clip_config.json"));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void configMatchesTheFixtureLayout() {
        JsonNode layout = golden.get("layout");
        ResNetConfig cfg = config.vision();
        assertEquals(layout.get("attnpool_heads").asInt(), cfg.poolHeads());
        assertEquals(layout.get("feature_grid").asInt(), cfg.featureGrid());
        assertEquals(layout.get("stage_out_channels").get(3).asInt(), cfg.poolWidth());
        assertEquals(24, cfg.embedDim());
    }

    @Test
    void imageEmbeddingsMatchTimmGoldens() {
        try (CheckpointWeights weights = CheckpointWeights.open(RnFixture.dir(), OpenClipBackbone.SAFETENSORS, OpenClipBackbone.TORCH_BIN); NDManager run = manager.newSubManager()) {
            ModifiedResNet tower = ModifiedResNet.load(config.vision(), weights, run);
            float[][] pixels = RnFixture.pixels(golden);
            int side = config.vision().imageSize();
            NDArray batch = run.create(flatten(pixels)).reshape(pixels.length, 3, side, side);
            float[] out = tower.forward(batch).toFloatArray();
            float[][] expected = RnFixture.matrix(golden, "image_embeds");
            float[][] actual = new float[expected.length][expected[0].length];
            for (int i = 0; i < out.length; i++) {
                actual[i / expected[0].length][i % expected[0].length] = out[i];
            }
            double error = RnFixture.relativeMaxError(actual, expected);
            assertTrue(error < 1e-4, "relative max error " + error);
        }
    }

    static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
