package org.splicecbm.backbone;

import org.splicecbm.engine.DeviceChoice;

/**
 * How to run a backbone.
 *
 * @param device    cpu, gpu or auto
 * @param threads   PyTorch intra-op CPU threads; 0 keeps the engine default
 * @param batchSize images or texts per forward pass
 */
public record BackboneOptions(DeviceChoice device, int threads, int batchSize) {
    public BackboneOptions {
        if (device == null) {
            throw new IllegalArgumentException("device must be cpu, gpu or auto");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = engine default), found " + threads);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, found " + batchSize);
        }
    }

    /** {@code auto} device, engine-default threads, batches of 64. */
    public static BackboneOptions defaults() {
        return new BackboneOptions(DeviceChoice.AUTO, 0, 64);
    }
}
