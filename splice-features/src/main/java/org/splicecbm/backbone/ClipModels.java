package org.splicecbm.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.splicecbm.backbone.openclip.OpenClipBackbone;
import org.splicecbm.hub.HubClient;

/**
 * Opens a backbone by the names SpLiCE uses ({@code open_clip:ViT-B-32}, {@code clip:ViT-B/32},
 * {@code clip:ViT-B/16}, {@code clip:RN50}), {@code hf:<org>/<repo>}, or a local model folder,
 * downloading into the Hugging Face cache on first use ({@link BackboneCatalog}, {@link HubClient}).
 */
public final class ClipModels {
    private ClipModels() {}

    /** Opens {@code spec} with the hub configured from the environment ({@code HF_ENDPOINT}, {@code HF_HOME}, {@code HF_HUB_OFFLINE}). */
    public static ClipBackbone open(String spec, BackboneOptions options) {
        return open(spec, options, HubClient.fromEnvironment());
    }

    public static ClipBackbone open(String spec, BackboneOptions options, HubClient hub) {
        BackboneCatalog.Source source = BackboneCatalog.resolve(spec);
        try {
            // Catalogue and hub models are named by their spec (metadata, caches); local folders by their path.
            String name = source.isLocal() ? source.localDirectory().toString() : spec.trim();
            return switch (source.kind()) {
                case VIT_HF -> HfClipBackbone.load(source.modelDirectory(hub), options, name);
                case RESNET_OPENCLIP -> OpenClipBackbone.load(source.modelDirectory(hub), source.tokenizerFile(hub), options, name);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch backbone " + spec + ": " + e.getMessage(), e);
        }
    }
}
