package org.splicecbm.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.image.PreprocessSpec;

/**
 * Images per CPU-second (thread CPU time) for CLIP preprocessing at 224 on one thread: JPEG decode alone, preprocess alone
 * (PIL-exact bicubic resize, crop, normalise), and both, for a photo-sized 640x480 JPEG and a CIFAR-sized 32x32 PNG.
 * Run: {@code mvn -o -q -pl splice-features test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.splicecbm.bench.PreprocessBenchmark}
 */
public final class PreprocessBenchmark {
    private PreprocessBenchmark() {}

    public static void main(String[] args) throws Exception {
        ImagePreprocessor pre = new ImagePreprocessor(PreprocessSpec.clip(224));
        report("640x480 JPEG", encode(photo(640, 480), "jpg"), pre, 150);
        report("32x32 PNG (CIFAR)", encode(photo(32, 32), "png"), pre, 1500);
    }

    private static void report(String label, byte[] file, ImagePreprocessor pre, int n) throws IOException {
        BufferedImage decoded = ImageDecoder.decode(file, label);
        for (int i = 0; i < n / 5; i++) {
            pre.apply(ImageDecoder.decode(file, label)); // warm-up
        }
        long t0 = cpu();
        for (int i = 0; i < n; i++) {
            ImageDecoder.decode(file, label);
        }
        long t1 = cpu();
        float sink = 0;
        for (int i = 0; i < n; i++) {
            sink += pre.apply(decoded)[i % 100];
        }
        long t2 = cpu();
        long w2 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += pre.apply(ImageDecoder.decode(file, label))[i % 100];
        }
        long t3 = cpu();
        long w3 = System.nanoTime();
        System.out.printf("%-18s per CPU-second: decode %7.1f img | preprocess %7.1f img | both %7.1f img"
                        + " (wall clock for both: %.1f img/s; n=%d, sink %.1f)%n",
                label, n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), n / ((t3 - t2) / 1e9), n / ((w3 - w2) / 1e9), n, sink);
    }

    /** CPU time of this thread: meaningful on a shared, overloaded machine where wall-clock time is not. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static BufferedImage photo(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = (x * 255 / w + rnd.nextInt(16)) & 0xFF;
                int g = (y * 255 / h + rnd.nextInt(16)) & 0xFF;
                int b = ((x + y) * 127 / (w + h) + rnd.nextInt(32)) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
