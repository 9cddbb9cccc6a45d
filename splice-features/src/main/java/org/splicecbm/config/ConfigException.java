package org.splicecbm.config;

import org.splicecbm.validation.InvalidArgumentException;

/**
 * A config value that breaks a rule, located in its file: {@code <file>:<line>: <key>: <rule>}.
 * {@link ConfigLoader} builds it from the library's {@link InvalidArgumentException} (thrown by the
 * section records' compact constructors, so an invalid config can never be constructed) or from
 * Jackson's own errors (unknown keys, wrong types).
 */
public class ConfigException extends InvalidArgumentException {

    /** {@code <key>: <message>}, not yet located (rules of the config layer's own records). */
    public ConfigException(String key, String message) {
        this(key, null, message);
    }

    /** {@code <where>: <key>: <message>}, where {@code where} is {@code file:line:column} (or null). */
    public ConfigException(String key, String where, String message) {
        super(key, message, (where == null ? "" : where + ": ") + key + ": " + message);
    }

    /** {@code key: must <rule>, found <value>}. */
    public static ConfigException invalid(String key, String mustHold, Object found) {
        return new ConfigException(key, "must " + mustHold + ", found " + found);
    }

    /** Throws {@link #invalid} unless {@code condition} holds. */
    public static void require(boolean condition, String key, String mustHold, Object found) {
        if (!condition) {
            throw invalid(key, mustHold, found);
        }
    }
}
