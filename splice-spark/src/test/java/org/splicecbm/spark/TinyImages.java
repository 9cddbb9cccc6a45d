package org.splicecbm.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.splicecbm.data.FileImageSource;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.store.Npy;

/**
 * Test inputs on the tiny CLIP fixture of splice-features: random PNGs with a CSV manifest, the same images as a
 * single-machine {@link ImageDataset}, a small vocabulary and an image-mean file, and settings that use them.
 */
public final class TinyImages implements ImageDataset {
    static final String VOCAB = "dog\ncat\nbird\ntree\ncar\nhouse\nred\nblue\nwater\ngrass\nsky\nperson\n";
    final Path root;
    public final Path manifest;
    final List<Path> files = new ArrayList<>();

    /** Writes {@code count} PNGs of varying sizes (labels alternate 0/1, split train) and the manifest. */
    TinyImages(Path root, int count, long seed) throws IOException {
        this(root, count, seed, 20, 60);
    }

    /** As above with sides in [minSide, maxSide): large images make decoding slow enough to kill an executor mid-job. */
    public TinyImages(Path root, int count, long seed, int minSide, int maxSide) throws IOException {
        this.root = root;
        Random random = new Random(seed);
        Files.createDirectories(root.resolve("img"));
        StringBuilder csv = new StringBuilder("id,path,label,split\n");
        for (int i = 0; i < count; i++) {
            int w = minSide + random.nextInt(maxSide - minSide);
            int h = minSide + random.nextInt(maxSide - minSide);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    img.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            Path file = root.resolve("img").resolve(String.format("img%03d.png", i));
            ImageIO.write(img, "png", file.toFile());
            files.add(file);
            csv.append("im").append(i).append(',').append(file).append(',').append(i % 2).append(",train\n");
        }
        manifest = root.resolve("manifest.csv");
        Files.writeString(manifest, csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("tiny.txt"), VOCAB, StandardCharsets.UTF_8);
        float[] mean = new float[24];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (float) (0.12 * Math.sin(j + 1.0));
        }
        Npy.writeFloat32Vector(root.resolve("mean.npy"), mean);
    }

    /** The tiny-clip-quickgelu fixture folder of splice-features (24-dimensional embeddings). */
    static Path tinyClip() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path fixture = dir.resolve("splice-features/src/test/resources/fixtures/clip/tiny-clip-quickgelu");
            if (Files.isDirectory(fixture)) {
                return fixture;
            }
        }
        throw new IllegalStateException("splice-features' tiny CLIP fixture not found above " + Path.of("").toAbsolutePath());
    }

    public SpliceSettings.Builder settings() {
        return SpliceSettings.builder().backbone(tinyClip().toString()).vocabulary(root.resolve("tiny.txt").toString(), 10)
                .imageMean(root.resolve("mean.npy").toString()).l1(0.05).batchSize(2).shardRows(4);
    }

    @Override
    public String name() {
        return "tiny-images";
    }

    @Override
    public List<String> classNames() {
        return List.of("0", "1");
    }

    @Override
    public List<Sample> samples(Split split) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            samples.add(new Sample("im" + i, i % 2, new FileImageSource(files.get(i)), Map.of()));
        }
        return samples;
    }

    @Override
    public java.util.Set<Split> splits() {
        return java.util.EnumSet.of(Split.TRAIN);
    }
}
