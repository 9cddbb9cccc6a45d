package org.splicecbm.concepts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches one URL to a file, atomically, verifying its SHA-256 when one is given. Shaped like the hub's
 * {@code UrlFetcher#fetch(URI, Path, Checksum)} so that the published-data code does not care who downloads.
 */
@FunctionalInterface
public interface Downloader {
    /**
     * @param expectedSha256 lower-case hex digest the bytes must have, or {@code null} to skip the check
     * @return {@code destination}, complete
     * @throws IOException when the host cannot be reached, answers with an error, or the digest differs
     */
    Path fetch(URI url, Path destination, String expectedSha256) throws IOException;
}
