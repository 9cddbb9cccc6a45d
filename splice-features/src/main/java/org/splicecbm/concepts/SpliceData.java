package org.splicecbm.concepts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.splicecbm.hub.Checksum;
import org.splicecbm.hub.UrlFetcher;

/**
 * Where SpLiCE's published data files (Bhalla et al., NeurIPS 2024; AI4LIFE-GROUP/SpLiCE, Apache-2.0) come from:
 * {@code vocab/<name>.txt} and {@code means/<library>_<model>_image.pt}, relative to one base.
 *
 * <p>Resolution order: a local copy of the data folder ({@code SPLICE_DATA_DIR}, for offline use), then the
 * download cache ({@code <cache>/splice-data/...}), then a download from {@code SPLICE_DATA_URL} (default:
 * the reference repository's raw data URL) into that cache. Downloads are checked against the digests of the
 * files SpLiCE published, so a truncated or altered file never enters the cache.
 */
public final class SpliceData {
    public static final String DEFAULT_URL = "https://raw.githubusercontent.com/AI4LIFE-GROUP/SpLiCE/main/data/";

    /** SHA-256 of the published files splice-cbm was checked against. */
    private static final Map<String, String> PUBLISHED_SHA256 = Map.of(
            "vocab/laion.txt", "aee8e260477dcfbc873f939955ffd472969859054ed46e245bbe8b37d10b508c",
            "vocab/laion_bigrams.txt", "6561525228843aa8b0d2b27e731c8c2b18dac0e4bdda40761933b0aecda1e67a",
            "vocab/mscoco.txt", "ddd84fc591b2e49c1513cc3dcc199153df276a44686712e21a6efb7711e2d43b",
            "means/clip_RN50_image.pt", "e1ee3345ef6faf6f8ebc30f649189bf4e583fe71229b2955e227cf59124d42fa",
            "means/clip_ViT-B-16_image.pt", "2907555438ef16b4677cb72ad81b3c3fe8c9246028714e943dba6c3b91d67eee",
            "means/clip_ViT-B-32_image.pt", "dbd73aec9162cc26d3850c042b2a035720c1f6d38fc0b64a73518995f884202b",
            "means/open_clip_ViT-B-32_image.pt", "6b91c6d0e9006e27dfb6f13e6d25a90c5ff24eb14e4ee60cf064a7ddf9f646b7");

    private final URI baseUrl;
    private final Path localDir;
    private final Path cacheDir;
    private final UrlFetcher fetcher;

    /**
     * @param baseUrl  URL of the {@code data/} folder (ends with {@code /} or one is added)
     * @param localDir a local copy with the same layout, used instead of any download; {@code null} for none
     * @param cacheDir folder downloads go to (holds {@code vocab/} and {@code means/})
     * @param fetcher  performs the downloads; when it is offline, a file must be in {@code localDir} or the cache
     */
    public SpliceData(URI baseUrl, Path localDir, Path cacheDir, UrlFetcher fetcher) {
        String url = baseUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        this.localDir = localDir;
        this.cacheDir = cacheDir;
        this.fetcher = fetcher;
    }

    /**
     * Reads the environment: {@code SPLICE_DATA_URL}, {@code SPLICE_DATA_DIR}, {@code SPLICE_OFFLINE=1} (or
     * {@code HF_HUB_OFFLINE=1}, see {@link UrlFetcher#fromEnvironment()}), and the
     * cache root {@code SPLICE_CACHE} (default {@code ~/.cache/splice-cbm}; files go to {@code <root>/splice-data}).
     */
    public static SpliceData fromEnvironment() {
        String url = env("SPLICE_DATA_URL");
        String dir = env("SPLICE_DATA_DIR");
        return new SpliceData(URI.create(url == null ? DEFAULT_URL : url),
                dir == null ? null : Path.of(dir), cacheRoot().resolve("splice-data"), UrlFetcher.fromEnvironment());
    }

    /** The splice-cbm cache root: {@code SPLICE_CACHE}, else {@code ~/.cache/splice-cbm}. */
    public static Path cacheRoot() {
        String root = env("SPLICE_CACHE");
        return root != null ? Path.of(root) : Path.of(System.getProperty("user.home"), ".cache", "splice-cbm");
    }

    /** The published digest of {@code relativePath}, or {@code null} for a file splice-cbm does not know. */
    public static String publishedSha256(String relativePath) {
        return PUBLISHED_SHA256.get(relativePath);
    }

    /**
     * A local path holding {@code relativePath} (e.g. {@code vocab/laion.txt}), downloading it if needed.
     *
     * @throws IOException with what was tried and how to work offline when the file cannot be had
     */
    public Path file(String relativePath) throws IOException {
        if (localDir != null) {
            return fromLocalDir(relativePath);
        }
        Path cached = cacheDir.resolve(relativePath);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        if (fetcher.offline()) {
            throw new IOException(relativePath + " is not in the cache " + cacheDir + " and downloads are off"
                    + " (SPLICE_OFFLINE or HF_HUB_OFFLINE is set)"
                    + offlineAdvice(relativePath));
        }
        URI url = baseUrl.resolve(relativePath);
        try {
            String sha256 = publishedSha256(relativePath);
            return fetcher.fetch(url, cached, sha256 == null ? null : Checksum.sha256(sha256));
        } catch (IOException e) {
            throw new IOException("could not download SpLiCE's " + relativePath + " from " + url + ": " + e.getMessage()
                    + offlineAdvice(relativePath), e);
        }
    }

    private Path fromLocalDir(String relativePath) throws IOException {
        Path local = localDir.resolve(relativePath);
        if (!Files.isRegularFile(local)) {
            throw new IOException("SPLICE_DATA_DIR is " + localDir.toAbsolutePath() + " but it has no " + relativePath
                    + "; copy SpLiCE's data folder there (vocab/<name>.txt, means/<library>_<model>_image.pt) or unset SPLICE_DATA_DIR");
        }
        return local;
    }

    private static String offlineAdvice(String relativePath) {
        return ". To work offline, put a copy of SpLiCE's data folder somewhere with " + relativePath
                + " inside and set SPLICE_DATA_DIR to it, or set SPLICE_DATA_URL to a reachable mirror";
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }
}
