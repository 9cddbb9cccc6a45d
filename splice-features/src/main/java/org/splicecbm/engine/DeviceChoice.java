package org.splicecbm.engine;

import java.util.Locale;

/** Where a model runs: {@code cpu}, {@code gpu} (fail if none), or {@code auto} (a GPU when one exists). */
public enum DeviceChoice {
    CPU, GPU, AUTO;

    /** Parses {@code cpu|gpu|auto} (case-insensitive). */
    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be cpu, gpu or auto, found \"" + text + "\"");
        }
    }
}
