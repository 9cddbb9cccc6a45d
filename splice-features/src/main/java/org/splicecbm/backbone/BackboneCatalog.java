package org.splicecbm.backbone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.splicecbm.hub.DownloadException;
import org.splicecbm.hub.HubClient;
import org.splicecbm.store.Sha256;

/**
 * Maps the backbone names SpLiCE uses (Bhalla et al., NeurIPS 2024: {@code open_clip:ViT-B-32},
 * {@code clip:ViT-B/32}, {@code clip:ViT-B/16}, {@code clip:RN50}) plus {@code hf:<org>/<repo>[@revision]}
 * and local model directories to where the weights come from, which files to fetch, and which of SpLiCE's
 * published image means belongs to them.
 */
public final class BackboneCatalog {
    /** The file layout (and so the loader) of a backbone. */
    public enum Kind {
        /** Hugging Face transformers CLIP: config.json, model.safetensors, tokenizer.json, preprocessor_config.json. */
        VIT_HF,
        /** OpenCLIP checkpoint of a modified-ResNet CLIP: open_clip_config.json, open_clip_model.safetensors. */
        RESNET_OPENCLIP
    }

    static final String HF_SAFETENSORS = "model.safetensors";
    static final String HF_TORCH_BIN = "pytorch_model.bin";
    static final List<String> VIT_HF_FILES = List.of("config.json", HF_SAFETENSORS, "tokenizer.json", "preprocessor_config.json");
    static final List<String> RESNET_OPENCLIP_FILES = List.of("open_clip_config.json", "open_clip_model.safetensors");

    /** A catalog entry; {@code unsupported} explains why a known name cannot be used yet (null when it can). */
    private record Entry(Kind kind, String repoId, List<String> files, String tokenizerRepoId, String imageMean, String unsupported) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("open_clip:ViT-B-32", new Entry(Kind.VIT_HF, "laion/CLIP-ViT-B-32-laion2B-s34B-b79K", VIT_HF_FILES, null, "open_clip_ViT-B-32", null));
        ENTRIES.put("clip:ViT-B/32", new Entry(Kind.VIT_HF, "openai/clip-vit-base-patch32", VIT_HF_FILES, null, "clip_ViT-B-32", null));
        ENTRIES.put("clip:ViT-B/16", new Entry(Kind.VIT_HF, "openai/clip-vit-base-patch16", VIT_HF_FILES, null, "clip_ViT-B-16", null));
        ENTRIES.put("clip:RN50", new Entry(Kind.RESNET_OPENCLIP, "timm/resnet50_clip.openai", RESNET_OPENCLIP_FILES,
                "openai/clip-vit-base-patch32", "clip_RN50", null));
    }

    private BackboneCatalog() {}

    /**
     * Where a backbone comes from: a hub repository at a revision, or a local directory (then {@code repoId}
     * and {@code revision} are null). {@code tokenizerRepoId} names another repository whose tokenizer.json
     * to use (null: the model's own); {@code imageMean} names SpLiCE's published mean, if any.
     */
    public record Source(String name, Kind kind, String repoId, String revision, Path localDirectory, List<String> files,
                         String tokenizerRepoId, Optional<String> imageMean) {
        public Source {
            files = List.copyOf(files);
        }

        public boolean isLocal() {
            return localDirectory != null;
        }

        /** A stable, filesystem-safe key for caches of this backbone's outputs (no '/', ':' or spaces). */
        public String cacheKey() {
            if (isLocal()) {
                return "local_" + safe(localDirectory.getFileName() == null ? "root" : localDirectory.getFileName().toString())
                        + "_" + shortHash(localDirectory.toString());
            }
            if (imageMean.isPresent() && ENTRIES.containsKey(name)) {
                return imageMean.get();
            }
            return "hf_" + safe(repoId.replace("/", "--")) + (revision.equals("main") ? "" : "_" + safe(revision));
        }

        /** The directory holding {@link #files()}: the local directory, or the hub snapshot after fetching. */
        public Path modelDirectory(HubClient hub) throws IOException {
            if (isLocal()) {
                return localDirectory;
            }
            try {
                return hub.snapshot(repoId, revision, files);
            } catch (DownloadException e) {
                if (e.status() != 404 || !files.contains(HF_SAFETENSORS)) {
                    throw e;
                }
                // Older Hugging Face repositories ship only pytorch_model.bin; it is read by the safe unpickler.
                List<String> withBin = files.stream().map(f -> f.equals(HF_SAFETENSORS) ? HF_TORCH_BIN : f).toList();
                return hub.snapshot(repoId, revision, withBin);
            }
        }

        /** The tokenizer.json to use. */
        public Path tokenizerFile(HubClient hub) throws IOException {
            if (tokenizerRepoId == null) {
                return modelDirectory(hub).resolve("tokenizer.json");
            }
            return hub.file(tokenizerRepoId, "main", "tokenizer.json");
        }
    }

    /** Resolves a backbone name; throws {@link IllegalArgumentException} naming the valid choices. */
    public static Source resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw unknown(spec);
        }
        String name = spec.trim();
        Entry entry = ENTRIES.get(name);
        if (entry != null) {
            if (entry.unsupported() != null) {
                throw new IllegalArgumentException("backbone " + name + " is " + entry.unsupported()
                        + "; use one of " + supportedNames() + ", hf:<org>/<repo> or a local model directory");
            }
            return new Source(name, entry.kind(), entry.repoId(), "main", null, entry.files(), entry.tokenizerRepoId(),
                    Optional.of(entry.imageMean()));
        }
        if (name.startsWith("hf:")) {
            return hubRepository(name);
        }
        if (!name.startsWith("clip:") && !name.startsWith("open_clip:")) {
            Path dir = Path.of(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name);
            if (Files.isDirectory(dir)) {
                return localDirectory(name, dir.toAbsolutePath().normalize());
            }
        }
        throw unknown(name);
    }

    /** The names in the catalog, usable or not, in a stable order. */
    public static List<String> knownNames() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Shorthand for {@code resolve(spec).cacheKey()}. */
    public static String cacheKey(String spec) {
        return resolve(spec).cacheKey();
    }

    private static Source hubRepository(String name) {
        String ref = name.substring(3);
        String revision = "main";
        int at = ref.indexOf('@');
        if (at >= 0) {
            revision = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        if (!ref.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*") || revision.isBlank()) {
            throw new IllegalArgumentException("backbone " + name + ": expected hf:<org>/<repo> or hf:<org>/<repo>@<revision>");
        }
        return new Source(name, Kind.VIT_HF, ref, revision, null, VIT_HF_FILES, null, Optional.empty());
    }

    private static Source localDirectory(String name, Path dir) {
        Kind kind;
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            kind = Kind.VIT_HF;
        } else if (Files.isRegularFile(dir.resolve("open_clip_config.json"))) {
            kind = Kind.RESNET_OPENCLIP;
        } else {
            throw new IllegalArgumentException("backbone directory " + dir + " holds neither config.json (Hugging Face CLIP: "
                    + VIT_HF_FILES + ") nor open_clip_config.json (OpenCLIP: " + RESNET_OPENCLIP_FILES + ")");
        }
        List<String> files = kind == Kind.VIT_HF ? VIT_HF_FILES : RESNET_OPENCLIP_FILES;
        List<String> missing = new ArrayList<>();
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (kind == Kind.VIT_HF && !missing.isEmpty() || kind == Kind.RESNET_OPENCLIP && missing.contains("open_clip_model.safetensors")
                && !Files.isRegularFile(dir.resolve("open_clip_pytorch_model.bin"))) {
            throw new IllegalArgumentException("backbone directory " + dir + " is missing " + missing + " (a " + kind + " model needs " + files + ")");
        }
        return new Source(name, kind, null, null, dir, files, null, Optional.empty());
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown backbone \"" + name + "\": use one of " + supportedNames()
                + ", hf:<org>/<repo>[@revision], or an existing local model directory");
    }

    private static List<String> supportedNames() {
        return ENTRIES.entrySet().stream().filter(e -> e.getValue().unsupported() == null).map(Map.Entry::getKey).toList();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String shortHash(String s) {
        return Sha256.hex(s).substring(0, 8);
    }
}
