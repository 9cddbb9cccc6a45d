package org.splicecbm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.splicecbm.backbone.HfClipConfig;
import org.splicecbm.backbone.HfClipTowers;
import org.splicecbm.backbone.transformer.Activation;
import org.splicecbm.backbone.transformer.EncoderShape;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.backbone.transformer.VisionTower;
import org.splicecbm.backbone.transformer.VisionTowerConfig;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.engine.DjlRuntime;

/**
 * Throughput of the CLIP towers at true ViT-B/32 shape with random weights (no download), against the
 * float32 matmul rate the same engine reaches. Arguments: {@code [threads=2] [imageBatch=64] [repeats=3]}.
 */
public final class BackboneBenchmark {
    private BackboneBenchmark() {}

    /**
     * Wall-clock and whole-process CPU seconds of a measured span. The machine this ran on is shared, so
     * rates per CPU-second (times the thread count) are reported beside wall-clock rates: they are what
     * the work achieves on the cores it actually got.
     */
    record Span(double wall, double cpu) {
        static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        static Span time(Runnable work) {
            long wall = System.nanoTime();
            long cpu = cpuNanos();
            work.run();
            return new Span((System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9);
        }

        /** Rate of {@code amount} per wall second and per CPU second scaled to {@code threads} cores. */
        String rates(double amount, int threads) {
            return String.format("%.2f/s wall, %.2f/s per %d busy cores", amount / wall, amount / cpu * threads, threads);
        }
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        DjlRuntime.configure(threads);
        DjlRuntime.inferenceMode();
        HfClipConfig config = vitB32();
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device(DeviceChoice.CPU))) {
            VisionTower vision = HfClipTowers.vision(config.visionTower(),
                    (name, shape) -> manager.randomNormal(0, 0.02f, new Shape(shape), DataType.FLOAT32));
            TextTower text = HfClipTowers.text(config.textTower(),
                    (name, shape) -> manager.randomNormal(0, 0.02f, new Shape(shape), DataType.FLOAT32));
            int n = 2048;
            Span matmulBefore = matmul(manager, n, repeats);
            Span images = images(manager, vision, batch, repeats);
            Span matmulAfter = matmul(manager, n, repeats);
            Span texts = texts(manager, text, batch, repeats);
            Span matmul = new Span(matmulBefore.wall() + matmulAfter.wall(), matmulBefore.cpu() + matmulAfter.cpu());
            double matmulGflop = 2 * repeats * 2.0 * n * n * n / 1e9;
            double imageGflop = imageTowerGflop(config.visionTower());
            double imageCount = (double) repeats * batch;
            System.out.printf("threads=%d batch=%d repeats=%d%n", threads, batch, repeats);
            System.out.printf("matmul %d^3 float32 GFLOP: %s%n", n, matmul.rates(matmulGflop, threads));
            System.out.printf("image tower (%.3f GFLOP/image, 2 FLOP per multiply-add) images: %s%n", imageGflop,
                    images.rates(imageCount, threads));
            System.out.printf("image tower GFLOP: %s%n", images.rates(imageCount * imageGflop, threads));
            System.out.printf("image tower / matmul: %.0f%% (wall), %.0f%% (per CPU second)%n",
                    100 * (imageCount * imageGflop / images.wall()) / (matmulGflop / matmul.wall()),
                    100 * (imageCount * imageGflop / images.cpu()) / (matmulGflop / matmul.cpu()));
            System.out.printf("text tower (context 77) texts: %s%n", texts.rates((double) repeats * batch, threads));
        }
    }

    static HfClipConfig vitB32() {
        HfClipConfig.Text text = new HfClipConfig.Text(512, 2048, 8, 12, 1e-5, Activation.QUICK_GELU, 77, 49408,
                49406, 49407, 49407);
        HfClipConfig.Vision vision = new HfClipConfig.Vision(768, 3072, 12, 12, 1e-5, Activation.QUICK_GELU, 224, 32, 3);
        return new HfClipConfig(text, vision, 512);
    }

    /** Multiply-adds of one image through the tower, counted as 2 FLOP each. */
    static double imageTowerGflop(VisionTowerConfig config) {
        EncoderShape e = config.encoder();
        double t = config.tokens();
        double d = e.width();
        double patches = config.gridSize() * config.gridSize();
        double patchEmbed = 2 * patches * config.channels() * config.patchSize() * config.patchSize() * d;
        double perLayer = 2 * t * d * 3 * d + 2 * 2 * t * t * d + 2 * t * d * d + 2 * 2 * t * d * e.mlpWidth();
        return (patchEmbed + e.layers() * perLayer + 2 * d * config.projectionDim()) / 1e9;
    }

    private static Span matmul(NDManager manager, int n, int repeats) {
        NDArray a = manager.randomNormal(new Shape(n, n));
        NDArray b = manager.randomNormal(new Shape(n, n));
        a.matMul(b).close();
        Span span = Span.time(() -> {
            for (int i = 0; i < repeats; i++) {
                a.matMul(b).close();
            }
        });
        a.close();
        b.close();
        return span;
    }

    private static Span images(NDManager manager, VisionTower vision, int batch, int repeats) {
        VisionTowerConfig c = vision.config();
        float[] pixels = new float[batch * c.channels() * c.imageSize() * c.imageSize()];
        Random random = new Random(0);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        Shape shape = new Shape(batch, c.channels(), c.imageSize(), c.imageSize());
        runImages(manager, vision, pixels, shape);
        return Span.time(() -> {
            for (int i = 0; i < repeats; i++) {
                runImages(manager, vision, pixels, shape);
            }
        });
    }

    private static void runImages(NDManager manager, VisionTower vision, float[] pixels, Shape shape) {
        try (NDManager scope = manager.newSubManager()) {
            vision.embed(scope.create(pixels, shape)).toFloatArray();
        }
    }

    private static Span texts(NDManager manager, TextTower text, int batch, int repeats) {
        int context = text.config().contextLength();
        Random random = new Random(1);
        long[][] ids = new long[batch][context];
        long[][] mask = new long[batch][context];
        for (int r = 0; r < batch; r++) {
            int length = 5 + random.nextInt(20);
            ids[r][0] = 49406;
            for (int i = 1; i < context; i++) {
                ids[r][i] = i < length - 1 ? random.nextInt(49000) : 49407;
                mask[r][i] = i < length ? 1 : 0;
            }
            mask[r][0] = 1;
        }
        runTexts(manager, text, ids, mask);
        return Span.time(() -> {
            for (int i = 0; i < repeats; i++) {
                runTexts(manager, text, ids, mask);
            }
        });
    }

    private static void runTexts(NDManager manager, TextTower text, long[][] ids, long[][] mask) {
        try (NDManager scope = manager.newSubManager()) {
            text.embed(scope, ids, mask).toFloatArray();
        }
    }
}
