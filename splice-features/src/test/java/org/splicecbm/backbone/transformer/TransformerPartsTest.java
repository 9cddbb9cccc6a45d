package org.splicecbm.backbone.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splicecbm.backbone.ClipGolden;
import org.splicecbm.backbone.weights.SafetensorsFile;
import org.splicecbm.engine.DjlRuntime;

class TransformerPartsTest {
    private static NDManager manager;

    @BeforeAll
    static void start() {
        DjlRuntime.configure();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void geluIsTheExactErfFormAndQuickGeluUsesSigmoid() {
        float[] x = {-2f, -0.5f, 0f, 1f, 3f};
        float[] gelu = Activation.GELU.apply(manager.create(x)).toFloatArray();
        // 0.5 x (1 + erf(x / sqrt 2)); the tanh approximation gives 0.841192 at 1, not 0.841345.
        assertArrayEquals(new float[] {-0.04550026f, -0.15426877f, 0f, 0.84134475f, 2.9959502f}, gelu, 1e-6f);
        float[] quick = Activation.QUICK_GELU.apply(manager.create(x)).toFloatArray();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] / (1 + Math.exp(-1.702 * x[i])), quick[i], 2e-7);
        }
        assertEquals(Activation.GELU, Activation.fromHfName("gelu"));
        assertEquals(null, Activation.fromHfName("gelu_new"));
    }

    @Test
    void poolingRules() {
        long[] ids = {400, 5, 401, 401, 401};
        assertEquals(2, EosPooling.forHuggingFace(2).position(ids), "legacy: first arg-max");
        assertEquals(2, EosPooling.firstTokenId(401).position(ids));
        assertEquals(1, EosPooling.firstTokenId(5).position(ids), "eos id rule ignores larger ids");
        assertEquals(0, EosPooling.argMaxTokenId().position(new long[] {9, 1, 9}));
        assertThrows(IllegalArgumentException.class, () -> EosPooling.firstTokenId(7).position(ids));
    }

    /** OpenAI's fused names, fed the same numbers, must give the encoder exactly the HF result. */
    @Test
    void openAiNamingLoadsTheSameBlocks() throws Exception {
        Path weights = ClipGolden.load("tiny-clip-quickgelu").dir().resolve("model.safetensors");
        EncoderShape shape = new EncoderShape(48, 2, 4, 96, 1e-5, Activation.QUICK_GELU);
        Map<String, String> renames = Map.of("ln_1", "layer_norm1", "ln_2", "layer_norm2",
                "mlp.c_fc", "mlp.fc1", "mlp.c_proj", "mlp.fc2", "attn.out_proj", "self_attn.out_proj");
        try (SafetensorsFile file = SafetensorsFile.open(weights); NDManager scope = manager.newSubManager()) {
            WeightSource hf = (name, dims) -> file.loadFloats(scope, name, dims);
            WeightSource openAi = (name, dims) -> {
                String hfName = name.replace("visual.transformer.resblocks", "vision_model.encoder.layers");
                if (hfName.contains("attn.in_proj_")) {
                    String kind = hfName.endsWith("weight") ? "weight" : "bias";
                    String base = hfName.substring(0, hfName.indexOf("attn.in_proj_")) + "self_attn.";
                    long[] part = dims.clone();
                    part[0] /= 3;
                    return ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(
                            file.loadFloats(scope, base + "q_proj." + kind, part),
                            file.loadFloats(scope, base + "k_proj." + kind, part),
                            file.loadFloats(scope, base + "v_proj." + kind, part)), 0);
                }
                for (Map.Entry<String, String> r : renames.entrySet()) {
                    hfName = hfName.replace("." + r.getKey() + ".", "." + r.getValue() + ".");
                }
                return file.loadFloats(scope, hfName, dims);
            };
            TransformerEncoder fromHf = TransformerEncoder.load(shape, LayerNaming.huggingFace("vision_model.encoder.layers"), hf);
            TransformerEncoder fromOpenAi = TransformerEncoder.load(shape, LayerNaming.openAi("visual.transformer.resblocks"), openAi);
            NDArray x = scope.randomNormal(new Shape(2, 5, 48));
            assertArrayEquals(fromHf.forward(x, null).toFloatArray(), fromOpenAi.forward(x, null).toFloatArray(), 0f);
        }
    }
}
