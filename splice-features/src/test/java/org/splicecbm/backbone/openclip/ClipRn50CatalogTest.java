package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.hub.HubClient;
import org.splicecbm.image.CenterCrop;

/**
 * {@code clip:RN50} by name, end to end through the catalogue and a loopback hub: the OpenCLIP files come from
 * {@code timm/resnet50_clip.openai}, the tokenizer from {@code openai/clip-vit-base-patch32} (here both served
 * with the tiny fixture's contents).
 */
class ClipRn50CatalogTest {
    @TempDir
    Path tmp;

    @Test
    void clipRn50OpensFromTwoHubRepositories() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("model"));
        for (String f : List.of(OpenClipBackbone.CONFIG, OpenClipBackbone.SAFETENSORS)) {
            Files.copy(RnFixture.dir().resolve(f), model.resolve(f));
        }
        Path tokenizer = Files.createDirectories(tmp.resolve("tokenizer"));
        Files.copy(RnFixture.dir().resolve(OpenClipBackbone.TOKENIZER), tokenizer.resolve(OpenClipBackbone.TOKENIZER));
        JsonNode golden = RnFixture.golden();
        try (FakeHubServer hub = FakeHubServer.start().serveRepo("timm/resnet50_clip.openai", model)
                .serveRepo("openai/clip-vit-base-patch32", tokenizer);
             ClipBackbone rn50 = ClipModels.open("clip:RN50", new BackboneOptions(DeviceChoice.CPU, 0, 4),
                     new HubClient(hub.endpoint(), tmp.resolve("cache"), false, null))) {
            assertEquals("clip:RN50", rn50.name());
            assertEquals(CenterCrop.TORCHVISION, rn50.preprocessing().centerCrop(),
                    "SpLiCE's named backbones are preprocessed as its reference (OpenCLIP / torchvision) does");
            assertEquals(24, rn50.embeddingDim());
            double error = RnFixture.relativeMaxError(rn50.embedImages(RnFixture.pixels(golden)),
                    RnFixture.matrix(golden, "image_embeds"));
            assertTrue(error < 1e-4, "relative max error " + error);
        }
    }
}
