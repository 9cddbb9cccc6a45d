package org.splicecbm.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.splicecbm.hub.UrlFetcher;

/**
 * Fetches a URL into a file, atomically (a reader never sees a partial file). The dataset code
 * checks checksums itself (to name the archive, the expected and the found digest in one message),
 * so a fetcher only moves bytes. The standard one is the hub's {@link UrlFetcher} (resume, retries,
 * progress, offline switch); tests may pass another.
 */
@FunctionalInterface
public interface ArchiveFetcher {
    void fetch(URI uri, Path destination) throws IOException;

    /** The hub's fetcher, offline when {@code SPLICE_OFFLINE} or {@code HF_HUB_OFFLINE} is set. */
    static ArchiveFetcher standard() {
        UrlFetcher fetcher = UrlFetcher.fromEnvironment();
        return (uri, destination) -> fetcher.fetch(uri, destination, null);
    }
}
