package org.splicecbm.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;
import org.splicecbm.hub.HubClient;

class BackboneCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void splicesNamesMapToTheirRepositoriesAndMeans() {
        BackboneCatalog.Source b32 = BackboneCatalog.resolve("open_clip:ViT-B-32");
        assertEquals("laion/CLIP-ViT-B-32-laion2B-s34B-b79K", b32.repoId());
        assertEquals(BackboneCatalog.Kind.VIT_HF, b32.kind());
        assertEquals(List.of("config.json", "model.safetensors", "tokenizer.json", "preprocessor_config.json"), b32.files());
        assertEquals(Optional.of("open_clip_ViT-B-32"), b32.imageMean());
        assertEquals("openai/clip-vit-base-patch32", BackboneCatalog.resolve("clip:ViT-B/32").repoId());
        assertEquals(Optional.of("clip_ViT-B-32"), BackboneCatalog.resolve("clip:ViT-B/32").imageMean());
        assertEquals("openai/clip-vit-base-patch16", BackboneCatalog.resolve("clip:ViT-B/16").repoId());
        assertEquals(Optional.of("clip_ViT-B-16"), BackboneCatalog.resolve("clip:ViT-B/16").imageMean());
        assertTrue(BackboneCatalog.knownNames().contains("clip:RN50"));
    }

    @Test
    void rn50ResolvesToTheOpenClipCheckpointWithOpenAisTokenizer() {
        BackboneCatalog.Source rn50 = BackboneCatalog.resolve("clip:RN50");
        assertEquals(BackboneCatalog.Kind.RESNET_OPENCLIP, rn50.kind());
        assertEquals("timm/resnet50_clip.openai", rn50.repoId());
        assertEquals(java.util.List.of("open_clip_config.json", "open_clip_model.safetensors"), rn50.files());
        assertEquals("openai/clip-vit-base-patch32", rn50.tokenizerRepoId());
        assertEquals(Optional.of("clip_RN50"), rn50.imageMean());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackboneCatalog.resolve("clip:ViT-L/14"));
        assertTrue(e.getMessage().contains("open_clip:ViT-B-32") && e.getMessage().contains("clip:ViT-B/16")
                && e.getMessage().contains("hf:<org>/<repo>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackboneCatalog.resolve(tmp.resolve("absent").toString()));
        assertThrows(IllegalArgumentException.class, () -> BackboneCatalog.resolve("hf:no-slash"));
    }

    @Test
    void hubRepositoriesAndRevisions() {
        BackboneCatalog.Source s = BackboneCatalog.resolve("hf:acme/clip-small@v1.0");
        assertEquals("acme/clip-small", s.repoId());
        assertEquals("v1.0", s.revision());
        assertEquals(Optional.empty(), s.imageMean());
        assertEquals("hf_acme--clip-small_v1.0", s.cacheKey());
        assertEquals("main", BackboneCatalog.resolve("hf:acme/clip-small").revision());
    }

    @Test
    void localDirectoriesAreUsedAsTheyAre() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("my model"));
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "preprocessor_config.json")) {
            Files.writeString(dir.resolve(f), "{}");
        }
        BackboneCatalog.Source s = BackboneCatalog.resolve(dir.toString());
        assertTrue(s.isLocal());
        assertEquals(dir.toAbsolutePath(), s.modelDirectory(null));
        assertNull(s.repoId());
        Files.delete(dir.resolve("tokenizer.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackboneCatalog.resolve(dir.toString()));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    @Test
    void cacheKeysAreStableAndFilesystemSafe() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m:odel dir"));
        Files.writeString(dir.resolve("open_clip_config.json"), "{}");
        Files.writeString(dir.resolve("open_clip_model.safetensors"), "{}");
        for (String name : List.of("open_clip:ViT-B-32", "clip:ViT-B/32", "clip:ViT-B/16", "hf:acme/x@refs/pr/1", dir.toString())) {
            String key = BackboneCatalog.cacheKey(name);
            assertTrue(key.matches("[A-Za-z0-9._-]+"), name + " -> " + key);
            assertEquals(key, BackboneCatalog.cacheKey(name));
        }
        assertEquals("clip_ViT-B-32", BackboneCatalog.cacheKey("clip:ViT-B/32"));
        assertFalse(BackboneCatalog.cacheKey("clip:ViT-B/32").equals(BackboneCatalog.cacheKey("clip:ViT-B/16")));
    }

    @Test
    void hubBackboneIsFetchedIntoOneSnapshot() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "preprocessor_config.json")) {
            Files.writeString(repo.resolve(f), "content of " + f);
        }
        try (FakeHubServer hub = FakeHubServer.start().serveRepo("acme/clip-small", repo)) {
            HubClient client = new HubClient(hub.endpoint(), tmp.resolve("cache"), false, null);
            BackboneCatalog.Source s = BackboneCatalog.resolve("hf:acme/clip-small");
            Path dir = s.modelDirectory(client);
            assertEquals("content of model.safetensors", Files.readString(dir.resolve("model.safetensors")));
            assertEquals(dir.resolve("tokenizer.json"), s.tokenizerFile(client));
        }
    }

    @Test
    void repositoryWithoutSafetensorsFallsBackToPytorchModelBin() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("old-repo"));
        for (String f : List.of("config.json", "pytorch_model.bin", "tokenizer.json", "preprocessor_config.json")) {
            Files.writeString(repo.resolve(f), "content of " + f);
        }
        try (FakeHubServer hub = FakeHubServer.start().serveRepo("acme/clip-old", repo)) {
            HubClient client = new HubClient(hub.endpoint(), tmp.resolve("cache"), false, null);
            Path dir = BackboneCatalog.resolve("hf:acme/clip-old").modelDirectory(client);
            assertEquals("content of pytorch_model.bin", Files.readString(dir.resolve("pytorch_model.bin")));
            assertFalse(Files.exists(dir.resolve("model.safetensors")));
        }
    }

    @Test
    void missingConfigIsStillAnError() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("broken-repo"));
        Files.writeString(repo.resolve("model.safetensors"), "x");
        try (FakeHubServer hub = FakeHubServer.start().serveRepo("acme/broken", repo)) {
            HubClient client = new HubClient(hub.endpoint(), tmp.resolve("cache"), false, null);
            Exception e = assertThrows(Exception.class, () -> BackboneCatalog.resolve("hf:acme/broken").modelDirectory(client));
            assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        }
    }
}
