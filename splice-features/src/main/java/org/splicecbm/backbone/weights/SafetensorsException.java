package org.splicecbm.backbone.weights;

/** A safetensors file is unreadable or does not hold the tensor the caller expects. */
public class SafetensorsException extends RuntimeException {
    public SafetensorsException(String message) {
        super(message);
    }

    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
