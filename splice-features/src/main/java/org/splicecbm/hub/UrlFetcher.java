package org.splicecbm.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fetches plain URLs (SpLiCE's vocabularies and image means from its GitHub repository, dataset archives)
 * to a chosen destination with the same core as {@link HubClient}: resume, retries, progress, checksum,
 * atomic rename. An existing destination is complete by construction and is reused; with a checksum it is
 * verified first. {@code SPLICE_OFFLINE=1} or {@code HF_HUB_OFFLINE=1} forbids network access.
 */
public final class UrlFetcher {
    private final boolean offline;
    private final Downloader downloader;

    public UrlFetcher(boolean offline) {
        this(offline, Downloader.standard());
    }

    UrlFetcher(boolean offline, Downloader downloader) {
        this.offline = offline;
        this.downloader = downloader;
    }

    /** Offline when {@code SPLICE_OFFLINE} or {@code HF_HUB_OFFLINE} is set. */
    public static UrlFetcher fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static UrlFetcher fromEnvironment(Map<String, String> env) {
        return new UrlFetcher(HubClient.isTrue(env.get("SPLICE_OFFLINE")) || HubClient.isTrue(env.get("HF_HUB_OFFLINE")));
    }

    public boolean offline() {
        return offline;
    }

    /**
     * Makes sure {@code destination} holds the content of {@code url} and returns it.
     *
     * @param expectedOrNull the digest the file must have, or null to accept any content
     */
    public Path fetch(URI url, Path destination, Checksum expectedOrNull) throws IOException {
        if (Files.exists(destination)) {
            if (expectedOrNull != null && !expectedOrNull.matches(destination)) {
                throw new DownloadException(destination + " exists but its " + expectedOrNull.algorithm() + " is "
                        + expectedOrNull.digestOf(destination) + ", expected " + expectedOrNull.hex() + " (the content of " + url
                        + "). Delete the file to download it again.");
            }
            return destination;
        }
        if (offline) {
            throw new DownloadException("offline mode (SPLICE_OFFLINE or HF_HUB_OFFLINE is set): " + destination
                    + " is missing. Download " + url + " to that path, or unset the offline switch to fetch it.");
        }
        downloader.download(url, destination, -1, expectedOrNull, null, destination.getFileName().toString());
        return destination;
    }
}
