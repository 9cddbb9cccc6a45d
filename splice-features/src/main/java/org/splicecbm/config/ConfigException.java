package org.splicecbm.config;

/**
 * A configuration value that breaks a rule. The message names the key (dotted path, e.g.
 * {@code splice.l1_penalty}), what must hold, and what was found; {@link ConfigLoader} adds the file
 * and line. Thrown from the compact constructors of the config records, so an invalid config can
 * never be constructed.
 */
public class ConfigException extends IllegalArgumentException {
    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
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
}
