package org.splicecbm.cli;

import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.engine.DeviceChoice;
import picocli.CommandLine.Option;

/** The options every command that runs CLIP shares: which backbone, on which device, how batched. */
final class BackboneMixin {
    @Option(names = "--backbone", required = true,
            description = "open_clip:ViT-B-32 | clip:ViT-B/32 | clip:ViT-B/16 | clip:RN50 | hf:<org>/<repo> | a model folder")
    String backbone;

    @Option(names = "--device", defaultValue = "auto", description = "cpu | gpu | auto (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads for the engine (0 = engine default)")
    int threads;

    @Option(names = "--batch-size", defaultValue = "64", description = "images or texts per forward pass (default ${DEFAULT-VALUE})")
    int batchSize;

    ClipBackbone open() {
        return ClipModels.open(backbone, new BackboneOptions(DeviceChoice.parse(device), threads, batchSize));
    }
}
