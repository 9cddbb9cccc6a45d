package org.splicecbm.tracking;

/** A tracking backend failed; the message says which backend, which call, and what it answered. */
public class TrackingException extends RuntimeException {
    public TrackingException(String message) {
        super(message);
    }

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
