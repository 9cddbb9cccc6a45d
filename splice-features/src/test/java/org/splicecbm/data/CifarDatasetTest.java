package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.UrlFetcher;

class CifarDatasetTest {
    /** Tests run with HF_HUB_OFFLINE=1; the loopback server is the only host they reach. */
    private static final ArchiveFetcher ONLINE = (uri, destination) -> new UrlFetcher(false).fetch(uri, destination, null);

    @TempDir
    Path root;
    FakeArchiveServer server;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("splice.noProgress", "true");
        server = new FakeArchiveServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path downloadFake10() throws IOException {
        byte[] archive = DataFixtures.cifar10Archive(3);
        server.serve("cifar-10-binary.tar.gz", archive);
        Path tmp = Files.write(root.resolve("expected.tgz"), archive);
        String md5 = CifarDownloader.md5(tmp);
        Files.delete(tmp);
        return new CifarDownloader(server.base(), ONLINE)
                .ensure(root, CifarArchive.CIFAR10.withMd5(md5));
    }

    @Test
    void downloadsVerifiesExtractsAndReadsRecordsInFileOrder() throws IOException {
        Path dir = downloadFake10();
        assertEquals(root.resolve("cifar-10-batches-bin"), dir);
        assertFalse(Files.exists(root.resolve("cifar-10-binary.tar.gz")), "archive is removed after extraction");

        ImageDataset data = Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n"));
        assertEquals("cifar10", data.name());
        assertEquals(DataFixtures.names("class", 10).trim().lines().toList(), data.classNames());
        List<Sample> train = data.samples(Split.TRAIN);
        assertEquals(15, train.size());
        assertEquals("data_batch_1.bin#0", train.get(0).id());
        assertEquals("data_batch_2.bin#1", train.get(4).id());
        assertEquals((2 + 1) % 10, train.get(4).label());
        assertEquals(4, data.samples(Split.TEST).size());
        assertEquals(List.of(0, 1, 2, 3), data.samples(Split.TEST).stream().map(Sample::label).toList());
        assertEquals(java.util.Set.of(Split.TRAIN, Split.TEST), data.splits());

        Sample s = train.get(4);
        assertEquals(dir.resolve("data_batch_2.bin") + "#record 1", s.source().location());
        BufferedImage image = s.source().open();
        assertEquals(32, image.getWidth());
        int seed = 201;
        for (int i : new int[] {0, 5, 33, 1023}) {
            int rgb = image.getRGB(i % 32, i / 32) & 0xffffff;
            int expected = ((seed + 3 * i) & 0xff) << 16 | ((seed + 3 * i + 1) & 0xff) << 8 | ((seed + 3 * i + 2) & 0xff);
            assertEquals(expected, rgb, "pixel " + i + " comes from the R, G and B planes");
        }
    }

    @Test
    void secondOpenDoesNotDownloadAgain() throws IOException {
        downloadFake10();
        Datasets.open(TestConfigs.dataset(root, "kind: cifar10\ndownload: true\nurl: " + server.base() + "\n"), ONLINE);
        assertEquals(1, server.hits("cifar-10-binary.tar.gz"));
    }

    @Test
    void badChecksumNamesFileExpectedAndFoundAndExtractsNothing() throws IOException {
        byte[] archive = DataFixtures.cifar10Archive(2);
        server.serve("cifar-10-binary.tar.gz", archive);
        IOException e = assertThrows(IOException.class, () -> Datasets.open(
                TestConfigs.dataset(root, "kind: cifar10\ndownload: true\nurl: " + server.base() + "\n"), ONLINE));
        Path tmp = Files.write(Files.createTempFile("fake", ".tgz"), archive);
        String found = CifarDownloader.md5(tmp);
        Files.delete(tmp);
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("c32a1d4ab5d03f1284b67883e8d87530"), e.getMessage());
        assertTrue(e.getMessage().contains(found), e.getMessage());
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "nothing extracted, download deleted");
        }
    }

    @Test
    void missingDataWithoutDownloadSaysHowToFix() {
        IOException e = assertThrows(IOException.class, () -> Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n")));
        assertTrue(e.getMessage().contains("data_batch_1.bin") && e.getMessage().contains("download: true"), e.getMessage());
    }

    @Test
    void truncatedBatchFileIsNamed() throws IOException {
        Path dir = downloadFake10();
        Path batch = dir.resolve("data_batch_3.bin");
        byte[] bytes = Files.readAllBytes(batch);
        Files.write(batch, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n")));
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void fingerprintIsStableAndFollowsContent() throws IOException {
        Path dir = downloadFake10();
        String first = Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n")).fingerprint(Split.TRAIN);
        assertEquals(first, Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n")).fingerprint(Split.TRAIN));
        assertEquals(64, first.length());
        ImageDataset data = Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n"));
        assertNotEquals(first, data.fingerprint(Split.TEST));
        Path batch = dir.resolve("data_batch_5.bin");
        byte[] bytes = Files.readAllBytes(batch);
        bytes[100] ^= 1; // one pixel changes, labels stay
        Files.write(batch, bytes);
        assertNotEquals(first, Datasets.open(TestConfigs.dataset(root, "kind: cifar10\n")).fingerprint(Split.TRAIN));
    }

    @Test
    void cifar100UsesFineLabelsByDefaultAndCoarseOnRequest() throws IOException {
        byte[] archive = DataFixtures.cifar100Archive(6);
        server.serve("cifar-100-binary.tar.gz", archive);
        Path tmp = Files.write(Files.createTempFile("fake", ".tgz"), archive);
        String md5 = CifarDownloader.md5(tmp);
        Files.delete(tmp);
        new CifarDownloader(server.base(), ONLINE).ensure(root, CifarArchive.CIFAR100.withMd5(md5));

        ImageDataset fine = Datasets.open(TestConfigs.dataset(root, "kind: cifar100\n"));
        assertEquals(100, fine.classNames().size());
        assertEquals(List.of(0, 13, 26, 39, 52, 65), fine.samples(Split.TRAIN).stream().map(Sample::label).toList());
        assertEquals(42, fine.samples(Split.TEST).get(0).label());

        ImageDataset coarse = Datasets.open(TestConfigs.dataset(root, "kind: cifar100\nlabel_level: coarse\n"));
        assertEquals(20, coarse.classNames().size());
        assertEquals("coarse7", coarse.classNames().get(7));
        assertEquals(List.of(0, 7, 14, 1, 8, 15), coarse.samples(Split.TRAIN).stream().map(Sample::label).toList());
        assertEquals("cifar100-coarse", coarse.name());
        int pixel = coarse.samples(Split.TRAIN).get(2).source().open().getRGB(0, 0) & 0xffffff;
        assertEquals(2 << 16 | 3 << 8 | 4, pixel, "two label bytes are skipped before the planes");
    }
}
