package org.splicecbm.bench;

import org.splicecbm.backbone.weights.TensorSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.splicecbm.backbone.openclip.ModifiedResNet;
import org.splicecbm.backbone.openclip.ResNetConfig;
import org.splicecbm.backbone.weights.TensorSource;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.engine.DjlRuntime;

/**
 * Images per second of the CLIP RN50 image tower (ModifiedResNet, layers 3-4-6-3, width 64, 224x224, embed 1024,
 * head_width 64) with random weights, at batch sizes 32 and 64, next to a 2048^3 float32 matmul on the same engine
 * as the machine's reference rate. Arguments: threads (default 2), timed batches per size (default 2), batch sizes
 * (default 32 64). Rates are given per wall second and per CPU second of this process (the machine is shared).
 */
public final class ResNetBenchmark {
    private ResNetBenchmark() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int[] batchSizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {32, 64};
        DjlRuntime.configure(threads);
        DjlRuntime.inferenceMode();
        ResNetConfig rn50 = new ResNetConfig(224, new int[] {3, 4, 6, 3}, 64, 64, 1024);
        double gflop = ResNetFlops.perImageGflop(rn50);
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device(DeviceChoice.CPU))) {
            ModifiedResNet tower = ModifiedResNet.load(rn50, randomWeights(0), manager);
            System.out.printf("RN50 image tower: %.3f GFLOP/image (2 FLOP per multiply-add); threads=%d repeats=%d%n",
                    gflop, threads, repeats);
            Span matmul = matmul(manager, 2048, repeats);
            double matmulGflop = repeats * 2.0 * Math.pow(2048, 3) / 1e9;
            System.out.printf("matmul 2048^3: %s GFLOP/s%n", matmul.rates(matmulGflop, threads));
            for (int batch : batchSizes) {
                forwardOnce(tower, manager, batch); // warm-up: first-call allocations and kernel selection
                Span span = Span.time(() -> {
                    for (int i = 0; i < repeats; i++) {
                        forwardOnce(tower, manager, batch);
                    }
                });
                double images = (double) batch * repeats;
                System.out.printf("batch %d: %s images/s; %s GFLOP/s; %.0f%% of matmul per CPU second; load average %.1f%n",
                        batch, span.rates(images, threads), span.rates(images * gflop, threads),
                        100 * (images * gflop / span.cpu) / (matmulGflop / matmul.cpu),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** Wall and process-CPU seconds of a piece of work. */
    private record Span(double wall, double cpu) {
        static Span time(Runnable work) {
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            work.run();
            return new Span((System.nanoTime() - wall0) / 1e9, (cpuNanos() - cpu0) / 1e9);
        }

        String rates(double amount, int threads) {
            return String.format("%.2f wall, %.2f per %d busy cores", amount / wall, amount / cpu * threads, threads);
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private static Span matmul(NDManager manager, int n, int repeats) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new Shape(n, n));
            NDArray b = scope.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            return Span.time(() -> {
                for (int i = 0; i < repeats; i++) {
                    a.matMul(b).close();
                }
            });
        }
    }

    private static void forwardOnce(ModifiedResNet tower, NDManager manager, int batch) {
        try (NDManager run = manager.newSubManager()) {
            NDArray pixels = run.randomNormal(new Shape(batch, 3, 224, 224));
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
