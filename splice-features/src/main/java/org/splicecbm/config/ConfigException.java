package org.splicecbm.config;

/**
 * A configuration value that breaks a rule. The message names the key (dotted path, e.g.
 * {@code splice.l1_penalty}), what must hold, and what was found; {@link ConfigLoader} adds the file
 * and line. Thrown from the compact constructors of the config records, so an invalid config can
 * never be constructed.
 */
public class ConfigException extends IllegalArgumentException {
    private final String key;
    private final String detail;

    public ConfigException(String key, String message) {
        this(key, null, message);
    }

    /** {@code <where>: <key>: <message>}, where {@code where} is {@code file:line:column} (or null). */
    public ConfigException(String key, String where, String message) {
        super((where == null ? "" : where + ": ") + key + ": " + message);
        this.key = key;
        this.detail = message;
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

    public String key() {
        return key;
    }

    /** The rule and the value found, without location or key. */
    public String detail() {
        return detail;
    }
}
