package org.splicecbm.concepts;

/** A vocabulary file that cannot be used as it is; the message lists the offending lines and how to fix them. */
public class VocabularyException extends IllegalArgumentException {
    public VocabularyException(String message) {
        super(message);
    }

    public VocabularyException(String message, Throwable cause) {
        super(message, cause);
    }
}
