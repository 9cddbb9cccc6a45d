package org.splicecbm.engine;

/**
 * The one place that prepares DJL before any engine class is touched: offline mode (DJL must never
 * try its download host) and telemetry opt-out (otherwise DJL probes a cloud metadata address).
 *
 * <p>Call {@link #configure()} before the first DJL call; it is idempotent and cheap.
 */
public final class DjlRuntime {
    private DjlRuntime() {}

    /** Sets {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} as system properties. */
    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // The bundled pytorch-native jar is the only engine we load; never look for another version.
        System.clearProperty("PYTORCH_VERSION");
    }
}
