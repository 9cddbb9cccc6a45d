package org.splicecbm.features;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.splicecbm.data.FileImageSource;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.ImageSource;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;

/** An ImageFolder-like dataset of small random PNGs written by the test, counting every decode. */
final class PngDataset implements ImageDataset {
    final AtomicInteger opens = new AtomicInteger();
    private final List<Sample> samples = new ArrayList<>();

    /**
     * Writes {@code count} PNGs (classes a/b alternating) under {@code root}, keeping files that already exist;
     * {@code corrupt} indices get garbage bytes.
     */
    PngDataset(Path root, int count, int width, int height, long seed, int... corrupt) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String cls = i % 2 == 0 ? "a" : "b";
            Path file = root.resolve(cls).resolve(String.format("img%03d.png", i));
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                // already written (e.g. by another JVM): reuse it untouched so the fingerprint stays equal
                random.ints(width * height).count();
            } else if (contains(corrupt, i)) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5});
            } else {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        img.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                ImageIO.write(img, "png", file.toFile());
            }
            samples.add(new Sample(cls + "/" + file.getFileName(), i % 2, counting(new FileImageSource(file)), Map.of()));
        }
    }

    private ImageSource counting(ImageSource delegate) {
        return new ImageSource() {
            @Override
            public BufferedImage open() throws IOException {
                opens.incrementAndGet();
                return delegate.open();
            }

            @Override
            public String location() {
                return delegate.location();
            }

            @Override
            public String fingerprint() throws IOException {
                return delegate.fingerprint();
            }

            @Override
            public boolean exists() {
                return delegate.exists();
            }
        };
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "pngs";
    }

    @Override
    public List<String> classNames() {
        return List.of("a", "b");
    }

    @Override
    public List<Sample> samples(Split split) {
        return samples;
    }
}
