package org.splicecbm.backbone;

/** A CLIP model directory is missing a file, or its config, tokenizer or weights do not fit together. */
public class ClipModelException extends RuntimeException {
    public ClipModelException(String message) {
        super(message);
    }

    public ClipModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
