package org.splicecbm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProximalUpdaterTest {

    @Test
    void softThresholdShrinksTowardsZeroAndStopsThere() {
        assertEquals(0.5f, ProximalUpdater.softThreshold(1.5f, 1f));
        assertEquals(-0.5f, ProximalUpdater.softThreshold(-1.5f, 1f));
        assertEquals(0f, ProximalUpdater.softThreshold(0.9f, 1f));
        assertEquals(0f, ProximalUpdater.softThreshold(-0.9f, 1f), "a positive zero, not -0");
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(ProximalUpdater.softThreshold(-0.9f, 1f)));
        assertEquals(-2f, ProximalUpdater.softThreshold(-2f, 0f));
    }

    @Test
    void sgdStepIsAGradientStepFollowedBySoftThresholding() {
        org.splicecbm.probe.ProbeConfig config = org.splicecbm.probe.ProbeConfig.builder()
                .updater(org.splicecbm.probe.ProbeConfig.Updater.SGD).learningRate(0.1).l1(1).l2(0.5).build();
        ProximalUpdater updater = new ProximalUpdater(config, 2, 1);
        float[] w = {1f, 0.05f};
        float[] b = {1f};
        updater.step(w, new float[] {2f, 0f}, b, new float[] {3f});
        // w0: 1 - 0.1 * (2 + 0.5 * 1) = 0.75, then shrink by 0.1 -> 0.65; w1: 0.05 - 0.1 * 0.025 = 0.0475 -> 0
        assertEquals(0.65f, w[0], 1e-6f);
        assertEquals(0f, w[1]);
        assertEquals(0.7f, b[0], 1e-6f, "bias: plain step, no penalty");
    }
}
