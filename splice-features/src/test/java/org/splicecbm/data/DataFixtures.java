package org.splicecbm.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Tiny datasets built inside tests: PNG files, CIFAR-layout archives. */
final class DataFixtures {
    private DataFixtures() {}

    /** Writes a 4x4 PNG of one colour, creating parent folders. */
    static Path png(Path file, int rgb) {
        try {
            Files.createDirectories(file.getParent());
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CIFAR record: label byte(s), then the R, G and B planes, where pixel i of plane p holds
     * {@code (seed + 3 * i + p) mod 256} so every record and channel is distinguishable.
     */
    static byte[] record(int seed, int... labels) {
        byte[] r = new byte[labels.length + 3072];
        for (int i = 0; i < labels.length; i++) {
            r[i] = (byte) labels[i];
        }
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 1024; i++) {
                r[labels.length + p * 1024 + i] = (byte) (seed + 3 * i + p);
            }
        }
        return r;
    }

    /** A fake {@code cifar-10-binary.tar.gz}: each train batch holds {@code perBatch} records, the test batch 4. */
    static byte[] cifar10Archive(int perBatch) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cifar-10-batches-bin/batches.meta.txt", names("class", 10).getBytes(StandardCharsets.UTF_8));
        for (int b = 1; b <= 5; b++) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < perBatch; i++) {
                batch.write(record(b * 100 + i, (b + i) % 10));
            }
            files.put("cifar-10-batches-bin/data_batch_" + b + ".bin", batch.toByteArray());
        }
        ByteArrayOutputStream test = new ByteArrayOutputStream();
        for (int i = 0; i < 4; i++) {
            test.write(record(7 * i, i));
        }
        files.put("cifar-10-batches-bin/test_batch.bin", test.toByteArray());
        return tarGz(files);
    }

    /** A fake {@code cifar-100-binary.tar.gz}: records with (coarse, fine) = (i mod 20, i mod 100). */
    static byte[] cifar100Archive(int trainRecords) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cifar-100-binary/fine_label_names.txt", names("fine", 100).getBytes(StandardCharsets.UTF_8));
        files.put("cifar-100-binary/coarse_label_names.txt", names("coarse", 20).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream train = new ByteArrayOutputStream();
        for (int i = 0; i < trainRecords; i++) {
            train.write(record(i, (i * 7) % 20, (i * 13) % 100));
        }
        files.put("cifar-100-binary/train.bin", train.toByteArray());
        files.put("cifar-100-binary/test.bin", record(1, 3, 42));
        return tarGz(files);
    }

    static String names(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(prefix).append(i).append('\n');
        }
        return b.append('\n').toString();
    }

    /**
     * A ustar {@code .tar.gz} written by hand: commons-compress 1.27's tar writer needs
     * commons-lang3 3.16+, but the build pins 3.11 (its reader does not need it).
     */
    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                gz.write(tarHeader(f.getKey(), f.getValue().length));
                gz.write(f.getValue());
                gz.write(new byte[(512 - f.getValue().length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] tarHeader(String name, long size) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
