package org.splicecbm.hub;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A Hugging Face hub on 127.0.0.1 for tests: serves local directories as repositories at
 * {@code /{org}/{repo}/resolve/{revision}/{file}} with the hub's headers ({@code X-Repo-Commit},
 * {@code ETag}; for "LFS" files a 302 to {@code /cdn/...} carrying {@code X-Linked-Etag} (the SHA-256) and
 * {@code X-Linked-Size}; the CDN listens on a second port, so it is another origin), honours {@code Range}, serves plain files at chosen paths, records every request,
 * and injects faults once (dropped connection after N bytes, an error status).
 *
 * <pre>{@code
 * try (FakeHubServer hub = FakeHubServer.start().serveRepo("openai/clip-vit-base-patch32", fixtureDir)) {
 *     HubClient client = new HubClient(hub.endpoint(), tempCache, false, null);
 *     Path dir = client.snapshot("openai/clip-vit-base-patch32", "main", List.of("config.json", "model.safetensors"));
 * }
 * }</pre>
 * Files ending in .safetensors, .bin, .pt, .pth, .npy, .npz, .onnx, .msgpack, .h5 or .gz are LFS files
 * unless {@link #lfs} says otherwise.
 */
public final class FakeHubServer implements AutoCloseable {
    private static final Set<String> LFS_EXTENSIONS = Set.of("safetensors", "bin", "pt", "pth", "npy", "npz", "onnx", "msgpack", "h5", "gz");

    /** One request as the server saw it. */
    public record Request(String method, String path, String range, String authorization) {}

    private final HttpServer server;
    private final HttpServer cdnServer;
    private final ExecutorService executor;
    private final Map<String, Path> repos = new ConcurrentHashMap<>();
    private final Map<String, Path> plainFiles = new ConcurrentHashMap<>();
    private final Map<String, Path> cdn = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lfsOverrides = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Set<String> wrongDigests = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** A one-off fault: an error status (> 0), or a transfer cut after {@code dropAfterBytes} bytes. */
    record Fault(int status, long dropAfterBytes) {}

    private FakeHubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-hub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // LFS content comes from another origin (another port), as from a real CDN: tokens must not follow.
        cdnServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdnServer.setExecutor(executor);
        cdnServer.createContext("/", this::handle);
    }

    /** Starts a server on a free loopback port. */
    public static FakeHubServer start() throws IOException {
        FakeHubServer hub = new FakeHubServer();
        hub.server.start();
        hub.cdnServer.start();
        return hub;
    }

    /** Serves the files under {@code directory} (recursively) as repository {@code repoId}. */
    public FakeHubServer serveRepo(String repoId, Path directory) {
        repos.put(repoId, directory.toAbsolutePath());
        return this;
    }

    /** Serves every {@code root/{org}/{repo}} directory as repository {@code org/repo}. */
    public FakeHubServer serveHubLayout(Path root) throws IOException {
        try (Stream<Path> orgs = Files.list(root)) {
            for (Path org : orgs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> names = Files.list(org)) {
                    names.filter(Files::isDirectory).forEach(d -> serveRepo(org.getFileName() + "/" + d.getFileName(), d));
                }
            }
        }
        return this;
    }

    /** Serves {@code file} at the URL path {@code urlPath} (starting with "/"), for plain-URL downloads. */
    public FakeHubServer serveFile(String urlPath, Path file) {
        plainFiles.put(urlPath, file.toAbsolutePath());
        return this;
    }

    /** Overrides whether {@code filename} of {@code repoId} is an LFS file (redirected to the CDN). */
    public FakeHubServer lfs(String repoId, String filename, boolean isLfs) {
        lfsOverrides.put(repoId + "/" + filename, isLfs);
        return this;
    }

    /** The next GET whose path ends with {@code "/" + fileName} sends the headers, then only {@code bytes} bytes and hangs up. */
    /**
     * The first byte a resumed request asked for ({@code Range: bytes=N-}). After a cut, a client resumes from
     * what it had received, which can be less than what the server wrote: bytes in flight when the connection
     * broke may never be delivered to it.
     */
    public static long rangeStart(String range) {
        if (range == null || !range.matches("bytes=\\d+-")) {
            throw new AssertionError("expected a resumed request with Range: bytes=N-, found " + range);
        }
        return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
    }

    public void dropConnectionOnce(String fileName, long bytes) {
        faults.computeIfAbsent(fileName, k -> new ArrayDeque<>()).add(new Fault(0, bytes));
    }

    /** The next request (HEAD or GET) whose path ends with {@code "/" + fileName} is answered with {@code status}. */
    public void failOnce(String fileName, int status) {
        faults.computeIfAbsent(fileName, k -> new ArrayDeque<>()).add(new Fault(status, -1));
    }

    /** From now on, LFS file {@code fileName} is advertised with a wrong SHA-256 (X-Linked-Etag), as a corrupted mirror would be. */
    public void advertiseWrongDigest(String fileName) {
        wrongDigests.add(fileName);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}: pass it as the hub endpoint. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Absolute URL of a path on this server. */
    public URI uri(String path) {
        return URI.create(endpoint() + path);
    }

    /** The commit hash the server reports for a repository (the same for every revision name). */
    public static String commitOf(String repoId) {
        return hex("SHA-1", ("commit " + repoId).getBytes(StandardCharsets.UTF_8));
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        cdnServer.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Headers in = ex.getRequestHeaders();
            requests.add(new Request(ex.getRequestMethod(), path, in.getFirst("Range"), in.getFirst("Authorization")));
            Fault fault = takeFault(path, ex.getRequestMethod());
            if (fault != null && fault.status() > 0) {
                FakeHttpResponses.sendEmpty(ex, fault.status());
                return;
            }
            if (path.startsWith("/cdn/")) {
                java.util.regex.Matcher digest = java.util.regex.Pattern.compile("/([0-9a-f]{64})/").matcher(path);
                Path file = digest.find() ? cdn.get(digest.group(1)) : null;
                FakeHttpResponses.serveContent(ex, file, file == null ? null : hex("SHA-256", Files.readAllBytes(file)), fault);
            } else if (plainFiles.containsKey(path)) {
                FakeHttpResponses.serveContent(ex, plainFiles.get(path), null, fault);
            } else if (path.contains("/resolve/")) {
                serveResolve(ex, path, fault);
            } else {
                FakeHttpResponses.sendEmpty(ex, 404);
            }
        } catch (IOException e) {
            // the client hung up, or a fault cut the response short
        }
    }

    private Fault takeFault(String path, String method) {
        for (Map.Entry<String, Deque<Fault>> e : faults.entrySet()) {
            if (path.endsWith("/" + e.getKey())) {
                synchronized (e.getValue()) {
                    Fault f = e.getValue().peek();
                    if (f != null && (f.status() > 0 || method.equals("GET") && isContentPath(path))) {
                        return e.getValue().poll();
                    }
                }
            }
        }
        return null;
    }

    private boolean isContentPath(String path) {
        return path.startsWith("/cdn/") || plainFiles.containsKey(path) || path.contains("/resolve/") && !isLfsPath(path);
    }

    private boolean isLfsPath(String path) {
        int at = path.indexOf("/resolve/");
        String repoId = path.substring(1, at);
        String rest = path.substring(at + "/resolve/".length());
        String file = decode(rest.substring(rest.indexOf('/') + 1));
        return isLfs(repoId, file);
    }

    private void serveResolve(HttpExchange ex, String path, Fault fault) throws IOException {
        int at = path.indexOf("/resolve/");
        String repoId = decode(path.substring(1, at));
        String rest = path.substring(at + "/resolve/".length());
        int slash = rest.indexOf('/');
        Path root = repos.get(repoId);
        String commit = commitOf(repoId);
        if (root == null || slash < 0) {
            // the real hub answers 401 for a repository it does not know (it might be private)
            ex.getResponseHeaders().set("X-Error-Code", "RepositoryNotFound");
            ex.getResponseHeaders().set("X-Error-Message", "Repository not found");
            FakeHttpResponses.sendEmpty(ex, 401);
            return;
        }
        String revision = decode(rest.substring(0, slash));
        String filename = decode(rest.substring(slash + 1));
        Path file = root.resolve(filename).normalize();
        if (revision.matches("[0-9a-f]{40}") && !revision.equals(commit)) {
            ex.getResponseHeaders().set("X-Error-Code", "RevisionNotFound");
            FakeHttpResponses.sendEmpty(ex, 404);
            return;
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            ex.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
            ex.getResponseHeaders().set("X-Error-Message", "Entry not found");
            FakeHttpResponses.sendEmpty(ex, 404);
            return;
        }
        byte[] content = Files.readAllBytes(file);
        Headers out = ex.getResponseHeaders();
        out.set("X-Repo-Commit", commit);
        out.set("ETag", "\"" + FakeHttpResponses.gitBlobSha1(content) + "\"");
        if (isLfs(repoId, filename)) {
            String sha = hex("SHA-256", content);
            if (wrongDigests.contains(file.getFileName().toString())) {
                sha = hex("SHA-256", (sha + " tampered").getBytes(StandardCharsets.UTF_8));
            }
            cdn.put(sha, file);
            out.set("X-Linked-Etag", "\"" + sha + "\"");
            out.set("X-Linked-Size", Long.toString(content.length));
            // The CDN path ends with the file name so that faults set for the name hit the CDN transfer.
            out.set("Location", "http://127.0.0.1:" + cdnServer.getAddress().getPort() + "/cdn/" + repoId + "/" + sha + "/" + filename);
            FakeHttpResponses.sendEmpty(ex, 302);
            return;
        }
        FakeHttpResponses.serveContent(ex, file, null, fault);
    }

    private boolean isLfs(String repoId, String filename) {
        Boolean override = lfsOverrides.get(repoId + "/" + filename);
        if (override != null) {
            return override;
        }
        int dot = filename.lastIndexOf('.');
        return dot >= 0 && LFS_EXTENSIONS.contains(filename.substring(dot + 1));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Lower-case hex digest ("SHA-256", "SHA-1", "MD5") of {@code bytes}, e.g. the expected checksum of a served file. */
    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
