package org.splicecbm.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HubClient} against {@link FakeHubServer}: cache layout, cache hits, resume, retries, verification, errors, offline. */
class HubClientTest {
    private static final String REPO = "acme/tiny-model";
    @TempDir
    Path tmp;
    private Path repoDir;
    private Path cache;
    private FakeHubServer hub;
    private byte[] weights;

    @BeforeEach
    void setUp() throws Exception {
        repoDir = Files.createDirectories(tmp.resolve("repo"));
        cache = tmp.resolve("cache");
        Files.writeString(repoDir.resolve("config.json"), "{\"hidden_size\": 48}\n");
        weights = new byte[300_000];
        new Random(3).nextBytes(weights);
        Files.write(repoDir.resolve("model.safetensors"), weights);
        Files.createDirectories(repoDir.resolve("sub"));
        Files.writeString(repoDir.resolve("sub/tokenizer.json"), "{}");
        hub = FakeHubServer.start().serveRepo(REPO, repoDir);
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private HubClient client(boolean offline, String token) {
        return new HubClient(hub.endpoint(), cache, offline, token, new Downloader(3, Duration.ofMillis(10)));
    }

    @Test
    void downloadsIntoTheHuggingFaceCacheLayout() throws Exception {
        Path snapshot = client(false, null).snapshot(REPO, "main", List.of("config.json", "model.safetensors", "sub/tokenizer.json"));
        String commit = FakeHubServer.commitOf(REPO);
        Path repo = cache.resolve("models--acme--tiny-model");
        assertEquals(repo.resolve("snapshots").resolve(commit), snapshot);
        assertEquals(commit, Files.readString(repo.resolve("refs/main")));
        String sha = FakeHubServer.hex("SHA-256", weights);
        Path link = snapshot.resolve("model.safetensors");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("../../blobs/" + sha), Files.readSymbolicLink(link));
        assertEquals(Path.of("../../../blobs"), Files.readSymbolicLink(snapshot.resolve("sub/tokenizer.json")).getParent());
        assertArrayEquals(weights, Files.readAllBytes(link));
        assertEquals("{}", Files.readString(snapshot.resolve("sub/tokenizer.json")));
        try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
            assertEquals(3, blobs.filter(p -> !p.toString().endsWith(".incomplete")).count());
        }
        // the LFS file went through the CDN redirect
        assertTrue(hub.requests().stream().anyMatch(r -> r.path().startsWith("/cdn/")));
    }

    @Test
    void secondCallIsServedFromTheCacheWithoutRequests() throws Exception {
        HubClient client = client(false, null);
        Path first = client.file(REPO, "main", "model.safetensors");
        hub.clearRequests();
        Path second = client.file(REPO, "main", "model.safetensors");
        assertEquals(first, second);
        assertEquals(List.of(), hub.requests());
        // a commit hash needs no ref lookup either
        assertEquals(first, client.file(REPO, FakeHubServer.commitOf(REPO), "model.safetensors"));
        assertEquals(List.of(), hub.requests());
    }

    @Test
    void resumesAfterADroppedConnection() throws Exception {
        hub.dropConnectionOnce("model.safetensors", 100_000);
        Path file = client(false, null).file(REPO, "main", "model.safetensors");
        assertArrayEquals(weights, Files.readAllBytes(file));
        List<FakeHubServer.Request> cdnGets = hub.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/cdn/")).toList();
        assertEquals(2, cdnGets.size(), cdnGets.toString());
        assertNull(cdnGets.get(0).range());
        long resumedAt = FakeHubServer.rangeStart(cdnGets.get(1).range());
        assertTrue(resumedAt > 0 && resumedAt <= 100_000, "resumes from the bytes it kept, at most the cut, found " + resumedAt);
    }

    @Test
    void concurrentCallsDownloadOnce() throws Exception {
        HubClient client = client(false, null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Path>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> client.file(REPO, "main", "model.safetensors")));
            }
            for (var r : results) {
                assertArrayEquals(weights, Files.readAllBytes(r.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, hub.requests().stream().filter(r -> r.path().startsWith("/cdn/")).count(), hub.requests().toString());
    }

    @Test
    void retriesAServerErrorOnce() throws Exception {
        hub.failOnce("config.json", 500);
        Path file = client(false, null).file(REPO, "main", "config.json");
        assertEquals("{\"hidden_size\": 48}\n", Files.readString(file));
    }

    @Test
    void refusesAFileWhoseChecksumDoesNotMatch() throws Exception {
        hub.advertiseWrongDigest("model.safetensors");
        DownloadException e = assertThrows(DownloadException.class, () -> client(false, null).file(REPO, "main", "model.safetensors"));
        assertTrue(e.getMessage().contains("SHA-256 mismatch"), e.getMessage());
        Path repo = cache.resolve("models--acme--tiny-model");
        assertFalse(Files.exists(repo.resolve("snapshots").resolve(FakeHubServer.commitOf(REPO)).resolve("model.safetensors")));
        try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
            assertEquals(0, blobs.count(), "no blob, complete or partial, may remain");
        }
    }

    @Test
    void missingFileNamesTheUrlAndTheOfflineWay() {
        DownloadException e = assertThrows(DownloadException.class, () -> client(false, null).file(REPO, "main", "nope.json"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains(hub.endpoint() + "/" + REPO + "/resolve/main/nope.json"), e.getMessage());
        assertTrue(e.getMessage().contains("HF_HUB_OFFLINE=1"), e.getMessage());
    }

    @Test
    void unknownRepositoryCarriesTheHubsExplanation() {
        DownloadException e = assertThrows(DownloadException.class, () -> client(false, null).file("acme/absent", "main", "config.json"));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("RepositoryNotFound") && e.getMessage().contains("HF_TOKEN")
                && e.getMessage().contains("/acme/absent/resolve/main/config.json"), e.getMessage());
    }

    @Test
    void offlineModeUsesOnlyTheCache() throws Exception {
        DownloadException e = assertThrows(DownloadException.class, () -> client(true, null).file(REPO, "main", "config.json"));
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains(cache.toString()), e.getMessage());
        assertEquals(List.of(), hub.requests());
        Path online = client(false, null).file(REPO, "main", "config.json");
        hub.clearRequests();
        assertEquals(online, client(true, null).file(REPO, "main", "config.json"));
        assertEquals(List.of(), hub.requests());
    }

    @Test
    void tokenGoesToTheHubButNotToTheCdn() throws Exception {
        client(false, "hf_secret").file(REPO, "main", "model.safetensors");
        assertEquals(3, hub.requests().size(), hub.requests().toString()); // HEAD, GET (302), CDN GET
        for (FakeHubServer.Request r : hub.requests()) {
            assertEquals(r.path().startsWith("/cdn/") ? null : "Bearer hf_secret", r.authorization(), r.toString());
        }
    }

    @Test
    void environmentSelectsEndpointCacheOfflineAndToken() throws Exception {
        HubClient fromEnv = HubClient.fromEnvironment(Map.of("HF_ENDPOINT", hub.endpoint(), "HF_HOME", tmp.resolve("hf").toString(),
                "HF_TOKEN", "hf_abc"));
        assertEquals(hub.endpoint(), fromEnv.endpoint().toString());
        assertEquals(tmp.resolve("hf/hub").toAbsolutePath(), fromEnv.cacheDir());
        assertFalse(fromEnv.offline());
        Path file = fromEnv.file(REPO, "main", "config.json");
        assertTrue(file.startsWith(tmp.resolve("hf/hub")));
        assertEquals("Bearer hf_abc", hub.requests().get(0).authorization());

        HubClient explicitCache = HubClient.fromEnvironment(Map.of("HF_HUB_CACHE", cache.toString(), "HF_HUB_OFFLINE", "1"));
        assertEquals(cache.toAbsolutePath(), explicitCache.cacheDir());
        assertTrue(explicitCache.offline());
        assertEquals(HubClient.DEFAULT_ENDPOINT, explicitCache.endpoint().toString());
    }
}
