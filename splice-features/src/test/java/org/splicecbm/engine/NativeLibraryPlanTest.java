package org.splicecbm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splicecbm.engine.NativeLibraryPlan.decide;

import org.junit.jupiter.api.Test;
import org.splicecbm.engine.NativeLibraryPlan.Facts;

/** The native-build decision for every machine and environment; no engine is started and nothing is downloaded. */
class NativeLibraryPlanTest {
    private static Facts facts(DeviceChoice choice, int gpus, String libraryPath, boolean offline, boolean cached) {
        return new Facts(choice, gpus, libraryPath, offline, cached);
    }

    @Test
    void cpuRunsAlwaysUseTheBundledBuild() {
        for (boolean offline : new boolean[] {false, true}) {
            assertEquals(NativeLibraryPlan.BUNDLED_CPU, decide(facts(DeviceChoice.CPU, 2, null, offline, false)));
            assertEquals(NativeLibraryPlan.BUNDLED_CPU, decide(facts(DeviceChoice.AUTO, 0, null, offline, true)));
        }
    }

    @Test
    void aConfiguredLibtorchWins() {
        assertEquals(NativeLibraryPlan.CONFIGURED, decide(facts(DeviceChoice.GPU, 1, "/opt/libtorch/lib", true, false)));
        assertEquals(NativeLibraryPlan.CONFIGURED, decide(facts(DeviceChoice.CPU, 0, "/opt/libtorch/lib", false, false)));
        assertEquals(NativeLibraryPlan.FETCH_CUDA, decide(facts(DeviceChoice.GPU, 1, " ", false, false)), "blank is unset");
    }

    @Test
    void aGpuMachineOnlineFetchesTheCudaBuildOnce() {
        assertEquals(NativeLibraryPlan.FETCH_CUDA, decide(facts(DeviceChoice.GPU, 1, null, false, false)));
        assertEquals(NativeLibraryPlan.FETCH_CUDA, decide(facts(DeviceChoice.AUTO, 4, null, false, false)));
        assertEquals(NativeLibraryPlan.CACHED_CUDA, decide(facts(DeviceChoice.AUTO, 1, null, false, true)));
    }

    @Test
    void offlineNeverDownloads() {
        assertEquals(NativeLibraryPlan.CACHED_CUDA, decide(facts(DeviceChoice.GPU, 1, null, true, true)), "the cache needs no network");
        assertEquals(NativeLibraryPlan.BUNDLED_CPU, decide(facts(DeviceChoice.AUTO, 1, null, true, false)), "auto falls back to the CPU");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> decide(facts(DeviceChoice.GPU, 1, null, true, false)));
        assertTrue(e.getMessage().contains("HF_HUB_OFFLINE") && e.getMessage().contains("PYTORCH_LIBRARY_PATH"), e.getMessage());
        for (DeviceChoice choice : DeviceChoice.values()) {
            for (int gpus : new int[] {0, 1}) {
                try {
                    assertTrue(decide(facts(choice, gpus, null, true, false)) != NativeLibraryPlan.FETCH_CUDA, choice + " " + gpus);
                } catch (IllegalStateException expected) {
                    assertEquals(DeviceChoice.GPU, choice);
                }
            }
        }
    }
}
