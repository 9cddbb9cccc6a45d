package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.UrlFetcher;

class CifarDownloadFailuresTest {
    @TempDir
    Path root;

    private List<Path> left() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.toList();
        }
    }

    @Test
    void missingArchiveOnServerFailsCleanly() throws IOException {
        System.setProperty("splice.noProgress", "true");
        try (FakeArchiveServer server = new FakeArchiveServer()) {
            ArchiveFetcher online = (uri, destination) -> new UrlFetcher(false).fetch(uri, destination, null);
            IOException e = assertThrows(IOException.class, () -> Datasets.open(
                    TestConfigs.dataset(root, "kind: cifar100\ndownload: true\nurl: " + server.base() + "\n"), online));
            assertTrue(e.getMessage().contains("cifar-100-binary.tar.gz") && e.getMessage().contains("404"), e.getMessage());
            assertEquals(1, server.hits("cifar-100-binary.tar.gz"));
        }
        assertEquals(List.of(), left());
    }

    @Test
    void standardFetcherHonoursOfflineMode() throws IOException {
        // Surefire sets HF_HUB_OFFLINE=1, so the standard (hub) fetcher must refuse before any network access.
        IOException e = assertThrows(IOException.class, () -> Datasets.open(
                TestConfigs.dataset(root, "kind: cifar10\ndownload: true\nurl: http://127.0.0.1:9/\n")));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
    }

    @Test
    void archiveEntriesEscapingTheFolderAreRefusedAndNothingIsLeft() throws IOException {
        Path archive = Files.write(Files.createTempFile("evil", ".tgz"), DataFixtures.tarGz(Map.of(
                "cifar-10-batches-bin/batches.meta.txt", "a\n".getBytes(StandardCharsets.UTF_8),
                "cifar-10-batches-bin/../../escaped.txt", "x".getBytes(StandardCharsets.UTF_8))));
        IOException e = assertThrows(IOException.class, () -> TarGzExtractor.extract(archive, root, "cifar-10-batches-bin"));
        assertTrue(e.getMessage().contains("escaped.txt") && e.getMessage().contains("outside"), e.getMessage());
        assertEquals(List.of(), left());
        assertTrue(Files.notExists(root.getParent().resolve("escaped.txt")));
        Files.delete(archive);
    }

    @Test
    void corruptGzipIsReportedWithTheArchiveName() throws IOException {
        Path archive = Files.write(root.resolve("cifar-10-binary.tar.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> TarGzExtractor.extract(archive, root, "cifar-10-batches-bin"));
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
        assertEquals(List.of(archive), left());
    }
}
