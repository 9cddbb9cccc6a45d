package org.splicecbm.backbone;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.splicecbm.backbone.openclip.OpenClipBackbone;
import org.splicecbm.hub.HubClient;
import org.splicecbm.image.CenterCrop;

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
            EngineBackbone backbone = switch (source.kind()) {
                case VIT_HF -> HfClipBackbone.load(source.modelDirectory(hub), options, name);
                case RESNET_OPENCLIP -> OpenClipBackbone.load(source.modelDirectory(hub), source.tokenizerFile(hub), options, name);
            };
            if (source.imageMean().isPresent()) {
                // SpLiCE's named backbones are run by its reference code through OpenCLIP / OpenAI CLIP transforms.
                backbone.useCenterCrop(CenterCrop.TORCHVISION);
            }
            return backbone;
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch backbone " + spec + ": " + e.getMessage(), e);
        }
    }

    /**
     * Identity of the weights {@code spec} resolves to, for cache keys: hub models by their snapshot
     * commit, local folders by path plus the size and modification time of every model file. Changed
     * weights under the same name therefore never reuse a stale embedding cache.
     */
    public static String identity(String spec) {
        return identity(spec, HubClient.fromEnvironment());
    }

    static String identity(String spec, HubClient hub) {
        BackboneCatalog.Source source = BackboneCatalog.resolve(spec);
        try {
            java.nio.file.Path dir = source.modelDirectory(hub);
            if (!source.isLocal()) {
                return spec.trim() + "@" + dir.getFileName();
            }
            StringBuilder id = new StringBuilder(dir.toAbsolutePath().toString());
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    id.append('|').append(f.getFileName()).append(':').append(java.nio.file.Files.size(f))
                            .append(':').append(java.nio.file.Files.getLastModifiedTime(f).toMillis());
                }
            }
            return id.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not resolve backbone " + spec + ": " + e.getMessage(), e);
        }
    }
}
