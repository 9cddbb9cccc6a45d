package org.splicecbm.torch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipGolden;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.backbone.weights.SafetensorsFile;
import org.splicecbm.engine.DeviceChoice;

/**
 * Hugging Face repositories that ship only {@code pytorch_model.bin}: the same tiny CLIP saved as a
 * torch.save state dict (built here from its safetensors) loads through the safe unpickler and embeds
 * bit-identically to the safetensors original.
 */
class HfTorchBinTest {
    @TempDir
    Path tmp;

    @Test
    void pytorchModelBinGivesTheSameEmbeddingsAsSafetensors() throws Exception {
        ClipGolden golden = ClipGolden.load("tiny-clip-quickgelu");
        Path binDir = Files.createDirectories(tmp.resolve("bin-only"));
        for (String f : List.of("config.json", "tokenizer.json", "preprocessor_config.json")) {
            Files.copy(golden.dir().resolve(f), binDir.resolve(f));
        }
        writeStateDict(golden.dir().resolve("model.safetensors"), binDir.resolve("pytorch_model.bin"));
        BackboneOptions options = new BackboneOptions(DeviceChoice.CPU, 0, 4);
        try (HfClipBackbone fromSafetensors = HfClipBackbone.load(golden.dir(), options);
             HfClipBackbone fromBin = HfClipBackbone.load(binDir, options)) {
            assertArrayEquals(fromSafetensors.embedTexts(golden.texts()), fromBin.embedTexts(golden.texts()));
            assertArrayEquals(fromSafetensors.embedImages(golden.pixelValues()), fromBin.embedImages(golden.pixelValues()));
        }
    }

    /** Every tensor of {@code safetensors} as one float storage each, in a torch.save zip archive. */
    private static void writeStateDict(Path safetensors, Path bin) throws IOException {
        TorchZips.Pickle pickle = new TorchZips.Pickle().op(0x80).op(2).op('}').op('(');
        Map<String, byte[]> records = new LinkedHashMap<>();
        try (SafetensorsFile st = SafetensorsFile.open(safetensors)) {
            int key = 0;
            for (String name : st.names()) {
                if (!st.info(name).dtype().name().startsWith("F")) {
                    continue;
                }
                float[] values = st.readFloats(name);
                long[] shape = st.info(name).shape();
                int[] dims = new int[shape.length];
                int[] strides = new int[shape.length];
                int stride = 1;
                for (int d = shape.length - 1; d >= 0; d--) {
                    dims[d] = (int) shape[d];
                    strides[d] = stride;
                    stride *= dims[d];
                }
                pickle.str(name).tensor("FloatStorage", Integer.toString(key), values.length, 0, dims, strides);
                records.put("model/data/" + key, TorchZips.floats(values));
                key++;
            }
        }
        records.put("model/data.pkl", pickle.op('u').op('.').bytes());
        TorchZips.write(bin, records);
    }
}
