package org.splicecbm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.splicecbm.backbone.openclip.ModifiedResNet;
import org.splicecbm.backbone.openclip.ResNetConfig;
import org.splicecbm.backbone.openclip.TensorSource;
import org.splicecbm.engine.DjlRuntime;

/**
 * Images per second of the CLIP RN50 image tower (ModifiedResNet, layers 3-4-6-3, width 64, 224x224, embed 1024,
 * head_width 64) with random weights, at batch sizes 32 and 64 (override with args: batch sizes; system property
 * {@code bench.batches} = timed batches per size, default 3).
 */
public final class ResNetBenchmark {
    private ResNetBenchmark() {}

    public static void main(String[] args) {
        DjlRuntime.configure();
        DjlRuntime.inferenceMode();
        int[] batchSizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {32, 64};
        int timedBatches = Integer.getInteger("bench.batches", 3);
        ResNetConfig rn50 = new ResNetConfig(224, new int[] {3, 4, 6, 3}, 64, 64, 1024);
        try (NDManager manager = NDManager.newBaseManager()) {
            long t0 = System.nanoTime();
            ModifiedResNet tower = ModifiedResNet.load(rn50, randomWeights(0), manager);
            System.out.printf("RN50 random weights built in %.1f s; %d CPU cores visible%n",
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
            for (int batch : batchSizes) {
                run(tower, manager, batch, timedBatches);
            }
        }
    }

    private static void run(ModifiedResNet tower, NDManager manager, int batch, int timedBatches) {
        Shape shape = new Shape(batch, 3, 224, 224);
        forwardOnce(tower, manager, shape); // warm-up: first-call allocations and kernel selection
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < timedBatches; i++) {
            forwardOnce(tower, manager, shape);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        int images = batch * timedBatches;
        // Images per CPU-second shows the cost independent of how busy the shared machine was.
        System.out.printf("batch %3d: %d images in %.2f s wall = %.2f images/s; %.1f CPU-s = %.2f images per CPU-second;"
                + " load average %.1f%n", batch, images, seconds, images / seconds, cpuSeconds, images / cpuSeconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void forwardOnce(ModifiedResNet tower, NDManager manager, Shape shape) {
        try (NDManager run = manager.newSubManager()) {
            NDArray pixels = run.randomNormal(shape);
            tower.forward(pixels).toFloatArray(); // copy out, as embedImages does
        }
    }

    /** He-scaled normal conv/linear weights; BatchNorm with unit-ish scale and positive variance. */
    static TensorSource randomWeights(long seed) {
        Random random = new Random(seed);
        return (name, shape) -> {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            float[] values = new float[Math.toIntExact(n)];
            double fanIn = shape.length > 1 ? (double) n / shape[0] : 1;
            for (int i = 0; i < values.length; i++) {
                double g = random.nextGaussian();
                values[i] = (float) (name.endsWith("running_var") ? 1 + 0.1 * Math.abs(g)
                        : shape.length == 1 && name.endsWith(".weight") ? 1 + 0.1 * g // BatchNorm scale
                        : shape.length > 1 ? g * Math.sqrt(2 / fanIn) : 0.01 * g);
            }
            return values;
        };
    }
}
