package org.splicecbm.data;

import java.util.Locale;

/** The three partitions a dataset is evaluated on; validation is never the test split. */
public enum Split {
    TRAIN, VAL, TEST;

    /** Lower-case name as used in configs, file names and manifests ({@code train}, {@code val}, {@code test}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train|val|validation|test} (case-insensitive). */
    public static Split parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "train" -> TRAIN;
            case "val", "valid", "validation" -> VAL;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("split must be one of train, val, test; found '" + text + "'");
        };
    }
}
