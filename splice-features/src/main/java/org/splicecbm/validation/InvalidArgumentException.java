package org.splicecbm.validation;

/**
 * An argument that breaks a rule, thrown by the library (dataset, concepts, image, features, probe, sweep
 * records and readers). The message is {@code <argument>: must <rule>, found <value>}; the argument is
 * named as the caller wrote it, which for the option records is the config key (e.g. {@code splice.l1_penalty},
 * {@code dataset.limit.val}). The config layer ({@code org.splicecbm.config.ConfigLoader}) catches it and adds
 * the file and line; library callers see it as an {@link IllegalArgumentException}.
 */
public class InvalidArgumentException extends IllegalArgumentException {
    private final String key;
    private final String detail;

    /** {@code <key>: <message>}. */
    public InvalidArgumentException(String key, String message) {
        this(key, message, key + ": " + message);
    }

    /** For subclasses that prefix the message (e.g. with a file and line). */
    protected InvalidArgumentException(String key, String detail, String fullMessage) {
        super(fullMessage);
        this.key = key;
        this.detail = detail;
    }

    /** {@code key: must <rule>, found <value>}. */
    public static InvalidArgumentException invalid(String key, String mustHold, Object found) {
        return new InvalidArgumentException(key, "must " + mustHold + ", found " + found);
    }

    /** Throws {@link #invalid} unless {@code condition} holds. */
    public static void require(boolean condition, String key, String mustHold, Object found) {
        if (!condition) {
            throw invalid(key, mustHold, found);
        }
    }

    /** The argument (or config key, dotted) that breaks the rule. */
    public String key() {
        return key;
    }

    /** The rule and the value found, without the argument name. */
    public String detail() {
        return detail;
    }
}
