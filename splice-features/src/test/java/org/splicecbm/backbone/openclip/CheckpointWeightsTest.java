package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.CheckpointWeights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.ClipModelException;
import org.splicecbm.engine.DjlRuntime;
import org.splicecbm.torch.TorchArchive;
import org.splicecbm.torch.TorchTensor;

/** Both checkpoint formats give the same tensors, and a checkpoint that does not fit the config names the tensor. */
class CheckpointWeightsTest {
    private static NDManager manager;
    private static ResNetConfig vision;
    private static Map<String, TorchTensor> stateDict;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        DjlRuntime.configure();
        manager = NDManager.newBaseManager();
        vision = OpenClipConfig.read(RnFixture.dir().resolve("open_clip_config.json")).vision();
        stateDict = TorchArchive.readStateDict(RnFixture.dir().resolve(OpenClipBackbone.TORCH_BIN));
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void safetensorsAndTorchBinHoldIdenticalWeights() {
        try (CheckpointWeights st = CheckpointWeights.open(RnFixture.dir(), OpenClipBackbone.SAFETENSORS, OpenClipBackbone.TORCH_BIN);
             CheckpointWeights bin = CheckpointWeights.fromTorch(RnFixture.dir().resolve(OpenClipBackbone.TORCH_BIN))) {
            assertTrue(st.file().toString().endsWith(OpenClipBackbone.SAFETENSORS));
            assertEquals(st.names(), bin.names());
            int compared = 0;
            for (Map.Entry<String, TorchTensor> e : stateDict.entrySet()) {
                if (e.getValue().dtype().startsWith("F")) {
                    long[] shape = e.getValue().shape();
                    assertArrayEquals(st.floats(e.getKey(), shape), bin.floats(e.getKey(), shape), e.getKey());
                    compared++;
                }
            }
            assertTrue(compared > 50, "compared " + compared + " tensors");
        }
    }

    @Test
    void directoryWithOnlyTheBinLoadsIt() throws IOException {
        Files.copy(RnFixture.dir().resolve(OpenClipBackbone.TORCH_BIN), tmp.resolve(OpenClipBackbone.TORCH_BIN));
        try (CheckpointWeights w = CheckpointWeights.open(tmp, OpenClipBackbone.SAFETENSORS, OpenClipBackbone.TORCH_BIN)) {
            assertTrue(w.file().toString().endsWith(OpenClipBackbone.TORCH_BIN));
        }
    }

    @Test
    void emptyDirectoryNamesBothFiles() {
        ClipModelException e = assertThrows(ClipModelException.class, () -> CheckpointWeights.open(tmp, OpenClipBackbone.SAFETENSORS, OpenClipBackbone.TORCH_BIN));
        assertTrue(e.getMessage().contains(OpenClipBackbone.SAFETENSORS) && e.getMessage().contains(OpenClipBackbone.TORCH_BIN));
    }

    @Test
    void missingTensorIsNamed() {
        Map<String, TorchTensor> gap = new HashMap<>(stateDict);
        gap.remove("visual.layer2.1.bn2.running_var");
        ClipModelException e = assertThrows(ClipModelException.class, () -> load(gap));
        assertTrue(e.getMessage().contains("'visual.layer2.1.bn2.running_var' is missing"), e.getMessage());
    }

    @Test
    void wrongShapeIsNamedWithBothShapes() {
        Map<String, TorchTensor> bad = new HashMap<>(stateDict);
        TorchTensor proj = stateDict.get("visual.attnpool.c_proj.weight"); // [24, 256]
        bad.put("visual.attnpool.c_proj.weight", new TorchTensor("F32", new long[] {256, 24}, proj.values()));
        ClipModelException e = assertThrows(ClipModelException.class, () -> load(bad));
        assertTrue(e.getMessage().contains("'visual.attnpool.c_proj.weight'") && e.getMessage().contains("[24, 256]")
                && e.getMessage().contains("[256, 24]"), e.getMessage());
    }

    @Test
    void integerTensorWhereFloatsBelongIsRefused() {
        Map<String, TorchTensor> bad = new HashMap<>(stateDict);
        bad.put("visual.bn1.running_mean", new TorchTensor("I64", new long[] {4}, new float[4]));
        ClipModelException e = assertThrows(ClipModelException.class, () -> load(bad));
        assertTrue(e.getMessage().contains("'visual.bn1.running_mean'") && e.getMessage().contains("I64"), e.getMessage());
    }

    private static void load(Map<String, TorchTensor> tensors) {
        try (NDManager run = manager.newSubManager()) {
            ModifiedResNet.load(vision, CheckpointWeights.of("edited.bin", tensors), run);
        }
    }
}
