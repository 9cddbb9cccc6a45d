package org.splicecbm.hub;

import java.io.IOException;

/**
 * A file that could not be downloaded or found in the cache. The message names the URL, says what went
 * wrong, and how to work without the network.
 */
public class DownloadException extends IOException {
    static final String OFFLINE_HINT = "To work without the network, set HF_HUB_OFFLINE=1 (or SPLICE_OFFLINE=1) with a filled"
            + " cache, or pass a local model directory instead of a hub name.";

    private final int status;

    public DownloadException(String message) {
        this(message, -1, null);
    }

    public DownloadException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status that ended the download, or -1 when there was none (network error, checksum, offline). */
    public int status() {
        return status;
    }

    /** Whether retrying might help (server errors, rate limits, network errors). */
    boolean transientFailure() {
        return status < 0 || status == 429 || status >= 500;
    }
}
