package org.splicecbm.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Downloads model files from a Hugging Face hub ({@code {endpoint}/{repo_id}/resolve/{revision}/{filename}})
 * into the hub's own cache layout ({@link HubCache}), so Python's huggingface_hub and splice-cbm share one
 * cache. A HEAD request (stopping at the CDN redirect) reads the commit, the ETag (the SHA-256 for LFS files)
 * and the size; the GET follows redirects, resumes, retries and verifies (see {@link Downloader}).
 *
 * <p>A file already in the cache for a known revision is returned without any request. In offline mode
 * only the cache is used.
 */
public final class HubClient {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private final URI endpoint;
    private final HubCache cache;
    private final boolean offline;
    private final String token;
    private final Downloader downloader;

    /**
     * @param endpoint hub base URL, e.g. {@value #DEFAULT_ENDPOINT}
     * @param cacheDir the hub cache directory (holding {@code models--*} folders)
     * @param offline use only the cache
     * @param token bearer token for private or gated repositories, or null
     */
    public HubClient(String endpoint, Path cacheDir, boolean offline, String token) {
        this(endpoint, cacheDir, offline, token, Downloader.standard());
    }

    HubClient(String endpoint, Path cacheDir, boolean offline, String token, Downloader downloader) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        this.cache = new HubCache(cacheDir);
        this.offline = offline;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.downloader = downloader;
    }

    /**
     * From the environment, as huggingface_hub reads it: {@code HF_ENDPOINT}, {@code HF_HUB_CACHE} or
     * {@code $HF_HOME/hub} (default {@code ~/.cache/huggingface/hub}), {@code HF_HUB_OFFLINE},
     * {@code HF_TOKEN} (else the token file {@code $HF_HOME/token}).
     */
    public static HubClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static HubClient fromEnvironment(Map<String, String> env) {
        Path home = Optional.ofNullable(env.get("HF_HOME")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "huggingface"));
        Path cacheDir = Optional.ofNullable(env.get("HF_HUB_CACHE")).map(Path::of).orElse(home.resolve("hub"));
        String token = env.get("HF_TOKEN");
        if (token == null && Files.isRegularFile(home.resolve("token"))) {
            try {
                token = Files.readString(home.resolve("token")).trim();
            } catch (IOException e) {
                token = null; // an unreadable token file means anonymous access, as in huggingface_hub
            }
        }
        return new HubClient(env.getOrDefault("HF_ENDPOINT", DEFAULT_ENDPOINT), cacheDir, isTrue(env.get("HF_HUB_OFFLINE")), token);
    }

    /** Whether an environment flag is set ({@code 1}, {@code true}, {@code yes}, {@code on}). */
    static boolean isTrue(String value) {
        return value != null && List.of("1", "true", "yes", "on").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path cacheDir() {
        return cache.root();
    }

    public boolean offline() {
        return offline;
    }

    /** The local path of one file of a repository at a revision (branch, tag or commit), downloading it if needed. */
    public Path file(String repoId, String revision, String filename) throws IOException {
        HubNames.check(repoId, revision, filename);
        Optional<String> known = cache.commitFor(repoId, revision);
        if (known.isPresent() && Files.exists(cache.snapshotFile(repoId, known.get(), filename))) {
            return cache.snapshotFile(repoId, known.get(), filename);
        }
        URI url = resolveUrl(repoId, revision, filename);
        if (offline) {
            throw new DownloadException("offline mode (HF_HUB_OFFLINE=1): " + repoId + " file " + filename + " at revision "
                    + revision + " (" + url + ") is not in the cache " + cache.root() + ". Fill the cache by running once with network"
                    + " access (unset HF_HUB_OFFLINE; Python's `huggingface-cli download " + repoId + " " + filename
                    + "` fills the same cache), or pass a local model directory.");
        }
        HubFileInfo info = HubFileInfo.of(url, downloader.head(url, token));
        cache.writeRef(repoId, revision, info.commit());
        Path pointer = cache.snapshotFile(repoId, info.commit(), filename);
        if (!Files.exists(pointer)) {
            Path blob = cache.blob(repoId, info.etag());
            cache.withBlobLock(repoId, info.etag(), () -> {
                if (!Files.exists(blob)) {
                    downloader.download(url, blob, info.size(), info.lfsChecksum(), token, repoId + "/" + filename);
                }
                return null;
            });
            cache.link(blob, pointer);
        }
        return pointer;
    }

    /** Fetches several files of one revision and returns the snapshot directory that holds them all. */
    public Path snapshot(String repoId, String revision, List<String> filenames) throws IOException {
        Path dir = null;
        for (String filename : filenames) {
            Path file = file(repoId, revision, filename);
            Path snapshotDir = snapshotOf(file, filename);
            if (dir != null && !dir.equals(snapshotDir)) {
                throw new DownloadException(repoId + " changed while downloading (files of revision " + revision
                        + " came from two commits: " + dir.getFileName() + " and " + snapshotDir.getFileName() + "); run again.");
            }
            dir = snapshotDir;
        }
        if (dir == null) {
            throw new IllegalArgumentException("snapshot needs at least one file name");
        }
        return dir;
    }

    private static Path snapshotOf(Path file, String filename) {
        Path dir = file;
        for (int i = 0; i < Path.of(filename).getNameCount(); i++) {
            dir = dir.getParent();
        }
        return dir;
    }

    private URI resolveUrl(String repoId, String revision, String filename) {
        String encodedRevision = URLEncoder.encode(revision, StandardCharsets.UTF_8);
        return URI.create(endpoint + "/" + repoId + "/resolve/" + encodedRevision + "/" + encodePath(filename));
    }

    private static String encodePath(String filename) {
        StringBuilder out = new StringBuilder();
        for (String part : filename.split("/")) {
            out.append(out.length() == 0 ? "" : "/").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** What the HEAD response says about a file. */
    private record HubFileInfo(String commit, String etag, long size) {
        static HubFileInfo of(URI url, HttpResponse<Void> head) throws DownloadException {
            int status = head.statusCode();
            if (status >= 400) {
                throw new DownloadException(HttpErrors.describe("HEAD", url, status, head.headers()), status, null);
            }
            var h = head.headers();
            String commit = h.firstValue("X-Repo-Commit").orElseThrow(() -> new DownloadException("HEAD " + url
                    + ": the response has no X-Repo-Commit header, so the endpoint is not a Hugging Face hub (check HF_ENDPOINT). "
                    + DownloadException.OFFLINE_HINT));
            String etag = h.firstValue("X-Linked-Etag").or(() -> h.firstValue("ETag")).map(HubFileInfo::normaliseEtag)
                    .orElseThrow(() -> new DownloadException("HEAD " + url + ": the response has no ETag, so the file cannot be cached. "
                            + DownloadException.OFFLINE_HINT));
            long size = h.firstValueAsLong("X-Linked-Size")
                    .orElse(status == 200 ? h.firstValueAsLong("Content-Length").orElse(-1) : -1);
            return new HubFileInfo(commit, etag, size);
        }

        private static String normaliseEtag(String etag) {
            String e = etag.startsWith("W/") ? etag.substring(2) : etag;
            return e.replace("\"", "");
        }

        /** LFS files are named by their SHA-256, which lets the download be verified. */
        Checksum lfsChecksum() {
            return etag.matches("[0-9a-f]{64}") ? Checksum.sha256(etag) : null;
        }
    }
}
