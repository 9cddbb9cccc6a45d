package org.splicecbm.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small {@code cifar-10-binary.tar.gz} in the official format (Krizhevsky's binary version: one label byte,
 * then the red, green and blue 32x32 planes; {@code batches.meta.txt} with CIFAR-10's class names) whose ten
 * classes are learnable: each class has its own colour, every image adds a seeded noise and a brighter square.
 */
public final class Cifar10Fixture {
    /** CIFAR-10's class names, in label order. */
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private Cifar10Fixture() {}

    /** Five training batches of {@code perBatch} records each and a test batch of {@code testRecords}. */
    public static byte[] archive(int perBatch, int testRecords, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cifar-10-batches-bin/batches.meta.txt", (String.join("\n", CLASSES) + "\n\n").getBytes(StandardCharsets.UTF_8));
        for (int b = 1; b <= 5; b++) {
            files.put("cifar-10-batches-bin/data_batch_" + b + ".bin", batch(perBatch, random));
        }
        files.put("cifar-10-batches-bin/test_batch.bin", batch(testRecords, random));
        return DataFixtures.tarGz(files);
    }

    /** The hex MD5 of {@code bytes} (what CifarDownloader checks). */
    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }

    private static byte[] batch(int records, SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            int label = i % CLASSES.size();
            out.write(label);
            byte[] pixels = image(label, random);
            out.write(pixels, 0, pixels.length);
        }
        return out.toByteArray();
    }

    private static byte[] image(int label, SplittableRandom random) {
        float hue = label / (float) CLASSES.size();
        int rgb = java.awt.Color.HSBtoRGB(hue, 0.8f, 0.7f);
        int x0 = random.nextInt(20);
        int y0 = random.nextInt(20);
        byte[] planes = new byte[3 * 1024];
        for (int p = 0; p < 3; p++) {
            int base = (rgb >> (16 - 8 * p)) & 0xff;
            for (int i = 0; i < 1024; i++) {
                int x = i % 32;
                int y = i / 32;
                boolean square = x >= x0 && x < x0 + 12 && y >= y0 && y < y0 + 12;
                int v = base + (square ? 60 : 0) + random.nextInt(41) - 20;
                planes[p * 1024 + i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return planes;
    }
}
