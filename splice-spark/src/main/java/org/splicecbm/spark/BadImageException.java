package org.splicecbm.spark;

/** An image of the manifest cannot be read or decoded under {@code on_bad_image: fail}; names the file and row. */
public final class BadImageException extends RuntimeException {
    BadImageException(ManifestEntry entry, Exception cause) {
        super("image " + entry.path() + " (manifest row " + entry.row() + ", id " + entry.id() + ") cannot be read: "
                + cause.getMessage() + ". Fix or remove it, or set on_bad_image: skip to record and skip bad images", cause);
    }
}
