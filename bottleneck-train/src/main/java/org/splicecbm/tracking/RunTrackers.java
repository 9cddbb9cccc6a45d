package org.splicecbm.tracking;

import java.nio.file.Path;

/** Picks the tracker for a {@code tracking.uri}: a server for {@code http(s)://}, else a local MLflow file store. */
public final class RunTrackers {
    private RunTrackers() {}

    /**
     * @param uri        {@code http(s)://host:port}, {@code file:///path}, or a folder path
     * @param localStore where runs are kept locally when {@code uri} is a server (the mirror)
     */
    public static RunTracker open(String uri, Path localStore) {
        return open(uri, localStore, false);
    }

    /** As {@link #open(String, Path)}; {@code bestEffort}: a server outage is a warning, not an error ({@code tracking.best_effort}). */
    public static RunTracker open(String uri, Path localStore, boolean bestEffort) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return new MirroredTracker(new FileStoreTracker(localStore), new MlflowServerTracker(uri), bestEffort);
        }
        if (uri.startsWith("file:")) {
            return new FileStoreTracker(Path.of(java.net.URI.create(uri)));
        }
        if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("tracking.uri must be http(s)://host:port, file:///path or a folder,"
                    + " found '" + uri + "' (databricks and other schemes are not supported)");
        }
        return new FileStoreTracker(Path.of(uri));
    }
}
