package org.splicecbm.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches a URL into a file, atomically (a reader never sees a partial file). The dataset code
 * checks checksums itself, so a fetcher only moves bytes. {@link Datasets} uses the hub's fetcher;
 * tests may pass another.
 */
@FunctionalInterface
public interface ArchiveFetcher {
    void fetch(URI uri, Path destination) throws IOException;
}
