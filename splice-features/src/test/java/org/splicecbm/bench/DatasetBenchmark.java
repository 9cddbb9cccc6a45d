package org.splicecbm.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;

/**
 * Times opening datasets at real sizes on synthetic data: a full-size CIFAR-10 (50 000 + 10 000
 * records, 184 MB), seeded val split and limits over it, the train fingerprint (SHA-256 of 153 MB),
 * record decoding; and an image folder of 5 000 PNGs. Run as a program (see benchmarks/data.md).
 */
public final class DatasetBenchmark {
    private DatasetBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("dataset-bench");
        try {
            cifar(dir.resolve("cifar"));
            imageFolder(dir.resolve("folder"), 5000);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void cifar(Path root) throws IOException {
        Path batches = Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        Files.writeString(batches.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        byte[] record = new byte[3073];
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(batches.resolve(name)), 1 << 20)) {
                for (int i = 0; i < 10000; i++) {
                    record[0] = (byte) (i % 10);
                    record[1 + i % 3072] = (byte) i;
                    out.write(record);
                }
            }
        }
        DatasetConfig plain = config("kind: cifar10\nroot: " + root + "\n");
        time("cifar10 open (60k records, label scan)", () -> Datasets.open(plain));
        DatasetConfig split = config("kind: cifar10\nroot: " + root + "\nval: {fraction: 0.1, seed: 0}\n"
                + "limit: {train: 5000, val: 500, test: 1000}\n");
        time("cifar10 open + val 10% + limits", () -> Datasets.open(split));
        time("cifar10 fingerprint(train) on a fresh open (SHA-256 of 153 MB)",
                () -> Datasets.open(plain).fingerprint(Split.TRAIN));
        ImageDataset data = Datasets.open(plain);
        List<Sample> train = data.samples(Split.TRAIN);
        long t0 = System.nanoTime();
        for (int i = 0; i < 10000; i++) {
            train.get(i).source().open();
        }
        report("cifar10 decode 10k records", t0, 10000);
    }

    private static void imageFolder(Path root, int count) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            Path file = root.resolve("class" + i % 10).resolve(String.format("%05d.png", i));
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        }
        DatasetConfig config = config("kind: imagefolder\nroot: " + root + "\n");
        time("imagefolder open (" + count + " PNGs)", () -> Datasets.open(config));
        time("imagefolder open + fingerprint(train)", () -> Datasets.open(config).fingerprint(Split.TRAIN));
    }

    private interface Work {
        Object run() throws IOException;
    }

    private static void time(String what, Work work) throws IOException {
        work.run(); // warm-up (JIT, page cache)
        long t0 = System.nanoTime();
        int reps = 3;
        for (int i = 0; i < reps; i++) {
            work.run();
        }
        report(what, t0, reps);
    }

    private static void report(String what, long t0, int reps) {
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%-52s %10.2f ms total, %10.4f ms each (%d)%n", what, ms, ms / reps, reps);
    }

    private static DatasetConfig config(String yaml) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .readValue(yaml, DatasetConfig.class);
    }
}
