package org.splicecbm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.splicecbm.backbone.BackboneOptions;

class DjlRuntimeTest {

    @Test
    void threadCountReachesTheEngine() {
        DjlRuntime.configure();
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        String threadsProperty = System.getProperty("ai.djl.pytorch.num_threads");
        String interopProperty = System.getProperty("ai.djl.pytorch.num_interop_threads");
        try {
            DjlRuntime.configure(1);
            assertEquals(1, JniUtils.getNumThreads());
        } finally {
            JniUtils.setNumThreads(before);
            restore("ai.djl.pytorch.num_threads", threadsProperty);
            restore("ai.djl.pytorch.num_interop_threads", interopProperty);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void deviceChoice() {
        assertEquals(Device.cpu(), DjlRuntime.device(DeviceChoice.CPU));
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
        boolean hasGpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        assertEquals(hasGpu ? Device.gpu() : Device.cpu(), DjlRuntime.device(DeviceChoice.AUTO));
        Assumptions.assumeFalse(hasGpu, "a GPU is present: the no-GPU error cannot be provoked");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DjlRuntime.device(DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new BackboneOptions(DeviceChoice.CPU, -1, 8));
        assertThrows(IllegalArgumentException.class, () -> new BackboneOptions(DeviceChoice.CPU, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BackboneOptions(null, 0, 8));
        assertEquals(64, BackboneOptions.defaults().batchSize());
    }
}
