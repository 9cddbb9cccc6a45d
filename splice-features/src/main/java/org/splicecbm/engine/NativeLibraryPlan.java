package org.splicecbm.engine;

/**
 * Which PyTorch native build the engine loads for a requested device, decided before the engine starts.
 * The bundled CPU build serves every CPU run, offline included. On a machine with a GPU and no libtorch of the
 * user's own ({@code PYTORCH_LIBRARY_PATH}), DJL's standard mechanism fetches the CUDA build matching the driver
 * ({@code PYTORCH_FLAVOR} overrides, e.g. {@code cu128}) from its publishing site into its cache
 * ({@code ~/.djl.ai/pytorch}) on first use; a cached CUDA build is used without the network; with downloads off
 * ({@code HF_HUB_OFFLINE} / {@code SPLICE_OFFLINE}) nothing is fetched.
 */
public enum NativeLibraryPlan {
    /** {@code PYTORCH_LIBRARY_PATH} names the user's libtorch: DJL loads it as it is. */
    CONFIGURED,
    /** The pytorch-native-cpu jar on the classpath. */
    BUNDLED_CPU,
    /** A CUDA build already in DJL's cache: loaded without the network. */
    CACHED_CUDA,
    /** DJL downloads the CUDA build matching the driver (about 2 GB, once). */
    FETCH_CUDA;

    /** What the machine and the environment say. */
    public record Facts(DeviceChoice choice, int gpus, String pytorchLibraryPath, boolean offline, boolean cudaCached) {}

    /**
     * The plan for {@code facts}.
     *
     * @throws IllegalStateException when {@code device: gpu} cannot be honoured, saying what to change
     */
    public static NativeLibraryPlan decide(Facts facts) {
        if (facts.pytorchLibraryPath() != null && !facts.pytorchLibraryPath().isBlank()) {
            return CONFIGURED;
        }
        if (facts.choice() == DeviceChoice.CPU || facts.gpus() == 0) {
            return BUNDLED_CPU;
        }
        if (facts.cudaCached()) {
            return CACHED_CUDA;
        }
        if (!facts.offline()) {
            return FETCH_CUDA;
        }
        if (facts.choice() == DeviceChoice.GPU) {
            throw new IllegalStateException(offlineAdvice("device gpu was requested"));
        }
        return BUNDLED_CPU;
    }

    /** Why a GPU machine runs on the CPU (or fails) with downloads off, and the two ways out. */
    public static String offlineAdvice(String what) {
        return what + " and a GPU is present, but PyTorch's CUDA build is not in DJL's cache (~/.djl.ai/pytorch) and"
                + " downloads are off (HF_HUB_OFFLINE or SPLICE_OFFLINE is set): run once online so DJL fetches it, or"
                + " set PYTORCH_LIBRARY_PATH to a CUDA build of libtorch 2.7.1; device cpu runs on the bundled CPU build";
    }

    /** Whether the plan loads a CUDA build that DJL finds through its download path. */
    public boolean viaDjlDownload() {
        return this == CACHED_CUDA || this == FETCH_CUDA;
    }
}
