package org.splicecbm.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that prepares DJL before any engine class is touched: offline mode (DJL must never
 * try its download host) and telemetry opt-out (otherwise DJL probes a cloud metadata address).
 * Also where the PyTorch engine's device and CPU thread count are chosen.
 *
 * <p>Call {@link #configure()} before the first DJL call; it is idempotent and cheap.
 */
public final class DjlRuntime {
    private static final String ENGINE = "PyTorch";

    private DjlRuntime() {}

    /** Sets {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} as system properties. */
    public static void configure() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // The bundled pytorch-native jar is the only engine we load; never look for another version.
        System.clearProperty("PYTORCH_VERSION");
    }

    /**
     * Configures DJL and sets PyTorch's intra-op CPU threads ({@code threads <= 0} keeps the engine's
     * default). The inter-op pool can only be sized before the engine starts, through the
     * {@code ai.djl.pytorch.num_interop_threads} property, so it is set only when still unset.
     */
    public static void configure(int threads) {
        configure();
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
            }
            Engine.getEngine(ENGINE);
            // The engine reads the property only when it first starts; this covers a running engine.
            JniUtils.setNumThreads(threads);
        }
    }

    /** The device to run on: {@code auto} takes the first GPU when the engine sees one. */
    public static Device device(DeviceChoice choice) {
        configure();
        int gpus = Engine.getEngine(ENGINE).getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was requested but PyTorch sees no GPU; install"
                            + " the CUDA build (Maven profile 'cuda') and an NVIDIA driver, or use device cpu/auto");
                }
                yield Device.gpu();
            }
        };
    }

    /** Turns off autograd on the calling thread (PyTorch's grad mode is thread-local): inference only. */
    public static void inferenceMode() {
        configure();
        Engine.getEngine(ENGINE);
        JniUtils.setGradMode(false);
    }
}
