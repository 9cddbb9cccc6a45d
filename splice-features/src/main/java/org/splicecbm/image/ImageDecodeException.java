package org.splicecbm.image;

import java.io.IOException;

/**
 * An image file that cannot be turned into pixels: missing, empty, not an image, truncated or corrupt.
 * The message always names the file and what is wrong with it, so that a dataset with one bad image
 * can be fixed (or the image skipped with {@code on_bad_image: skip}) instead of silently embedding
 * a grey or black picture.
 */
public class ImageDecodeException extends IOException {
    private final String source;

    public ImageDecodeException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public ImageDecodeException(String source, String problem, Throwable cause) {
        super(source + ": " + problem + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
        this.source = source;
    }

    /** The file (or other source name) that could not be decoded. */
    public String source() {
        return source;
    }
}
