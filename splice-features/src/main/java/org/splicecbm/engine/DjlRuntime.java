package org.splicecbm.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import org.splicecbm.hub.UrlFetcher;

/**
 * The one place that prepares DJL before any engine class is touched: offline mode (DJL must never
 * try its download host) and telemetry opt-out (otherwise DJL probes a cloud metadata address).
 * Also where the PyTorch engine's device and CPU thread count are chosen.
 *
 * <p>Call {@link #configure()} before the first DJL call; it is idempotent and cheap.
 */
public final class DjlRuntime {
    private static final String ENGINE = "PyTorch";
    /** The native build the engine was started with by {@link #device}; null until then. */
    private static NativeLibraryPlan started;

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
            threadProperties(threads);
            Engine.getEngine(ENGINE);
            // The engine reads the property only when it first starts; this covers a running engine.
            JniUtils.setNumThreads(threads);
        }
    }

    /**
     * Starts the engine for a model: CPU threads ({@code threads <= 0}: the engine's default) and the native build
     * the device needs ({@link #device}); returns the device to put the model on.
     */
    public static Device open(DeviceChoice choice, int threads) {
        configure();
        if (threads > 0) {
            threadProperties(threads);
        }
        Device device = device(choice);
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        return device;
    }

    private static void threadProperties(int threads) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
        }
    }

    /**
     * The device to run on: {@code auto} takes the first GPU when there is one and a CUDA build of PyTorch can be
     * had ({@link NativeLibraryPlan}). The first call starts the engine with that build, so call it before any
     * other engine use ({@link #configure(int)} included).
     */
    public static Device device(DeviceChoice choice) {
        configure();
        NativeLibraryPlan plan = start(choice);
        boolean cuda = plan != NativeLibraryPlan.BUNDLED_CPU && Engine.getEngine(ENGINE).getGpuCount() > 0;
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> cuda ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (!cuda) {
                    throw new IllegalStateException("device gpu was requested but PyTorch sees no GPU (native build: "
                            + plan + "); install an NVIDIA driver, or use device cpu/auto");
                }
                yield Device.gpu();
            }
        };
    }

    private static synchronized NativeLibraryPlan start(DeviceChoice choice) {
        if (started == null) {
            NativeLibraryPlan plan = NativeLibraryPlan.decide(new NativeLibraryPlan.Facts(choice,
                    choice == DeviceChoice.CPU ? 0 : CudaUtils.getGpuCount(), System.getenv("PYTORCH_LIBRARY_PATH"),
                    UrlFetcher.fromEnvironment().offline(), CudaNatives.cachedFlavor().isPresent()));
            if (plan.viaDjlDownload()) {
                CudaNatives.startEngine(plan, ENGINE);
            } else if (plan == NativeLibraryPlan.BUNDLED_CPU && choice == DeviceChoice.AUTO && CudaUtils.getGpuCount() > 0) {
                System.err.println("note: " + NativeLibraryPlan.offlineAdvice("device auto runs on the CPU: it was set"));
            }
            Engine.getEngine(ENGINE);
            started = plan;
        }
        return started;
    }

    /** Turns off autograd on the calling thread (PyTorch's grad mode is thread-local): inference only. */
    public static void inferenceMode() {
        configure();
        Engine.getEngine(ENGINE);
        JniUtils.setGradMode(false);
    }
}
