package org.splicecbm.features;

import java.io.IOException;

/** An image that could not be decoded under {@code on_bad_image: fail}; names the sample, the file and the cause. */
public class BadImageException extends IOException {
    public BadImageException(String sampleId, String location, Throwable cause) {
        super("could not decode image " + location + " (sample " + sampleId + "): " + cause.getMessage()
                + "; fix or remove the file, or set dataset.on_bad_image: skip to leave it out (it is then listed"
                + " in meta.json)", cause);
    }
}
