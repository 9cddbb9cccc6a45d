package org.splicecbm.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UrlFetcher} against {@link FakeHubServer}'s plain files: resume, checksums, reuse, offline, errors. */
class UrlFetcherTest {
    private static final String PATH = "/AI4LIFE-GROUP/SpLiCE/main/data/vocab/laion.txt";
    @TempDir
    Path tmp;
    private FakeHubServer server;
    private byte[] content;
    private URI url;

    @BeforeEach
    void setUp() throws Exception {
        content = new byte[200_000];
        new Random(5).nextBytes(content);
        Path source = tmp.resolve("source.bin");
        Files.write(source, content);
        server = FakeHubServer.start().serveFile(PATH, source);
        url = server.uri(PATH);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private UrlFetcher fetcher(boolean offline) {
        return new UrlFetcher(offline, new Downloader(3, Duration.ofMillis(10)));
    }

    private Checksum sha() {
        return Checksum.sha256(FakeHubServer.hex("SHA-256", content));
    }

    @Test
    void fetchesVerifiesAndReuses() throws Exception {
        Path dest = tmp.resolve("out/laion.txt");
        assertEquals(dest, fetcher(false).fetch(url, dest, sha()));
        assertArrayEquals(content, Files.readAllBytes(dest));
        assertFalse(Files.exists(tmp.resolve("out/laion.txt.incomplete")));
        server.clearRequests();
        fetcher(false).fetch(url, dest, sha());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void resumesWithARangeRequest() throws Exception {
        server.dropConnectionOnce("laion.txt", 70_000);
        Path dest = tmp.resolve("laion.txt");
        fetcher(false).fetch(url, dest, Checksum.md5(FakeHubServer.hex("MD5", content)));
        assertArrayEquals(content, Files.readAllBytes(dest));
        long resumedAt = FakeHubServer.rangeStart(server.requests().get(1).range());
        assertTrue(resumedAt > 0 && resumedAt <= 70_000, "resumes from the bytes it kept, at most the cut, found " + resumedAt);
    }

    @Test
    void aCompleteLeftoverPartialFileIsHandled() throws Exception {
        // a crash after the last byte but before the rename leaves a complete .incomplete file: the resume
        // request is refused (416) and the download starts over
        Path dest = tmp.resolve("laion.txt");
        Files.write(tmp.resolve("laion.txt.incomplete"), content);
        fetcher(false).fetch(url, dest, sha());
        assertArrayEquals(content, Files.readAllBytes(dest));
        assertEquals("bytes=200000-", server.requests().get(0).range());
    }

    @Test
    void wrongChecksumLeavesNothingBehind() throws Exception {
        Path dest = tmp.resolve("laion.txt");
        Checksum wrong = Checksum.sha256("0".repeat(64));
        DownloadException e = assertThrows(DownloadException.class, () -> fetcher(false).fetch(url, dest, wrong));
        assertTrue(e.getMessage().contains(url.toString()) && e.getMessage().contains("mismatch"), e.getMessage());
        assertFalse(Files.exists(dest));
        assertFalse(Files.exists(tmp.resolve("laion.txt.incomplete")));
    }

    @Test
    void existingFileWithWrongChecksumIsReported() throws Exception {
        Path dest = tmp.resolve("laion.txt");
        Files.writeString(dest, "stale");
        DownloadException e = assertThrows(DownloadException.class, () -> fetcher(false).fetch(url, dest, sha()));
        assertTrue(e.getMessage().contains(dest.toString()) && e.getMessage().contains("Delete"), e.getMessage());
    }

    @Test
    void notFoundAndServerErrorsNameTheUrl() throws Exception {
        URI missing = server.uri("/nothing/here.txt");
        DownloadException e = assertThrows(DownloadException.class, () -> fetcher(false).fetch(missing, tmp.resolve("x"), null));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("SPLICE_OFFLINE=1"), e.getMessage());

        for (int i = 0; i < 3; i++) {
            server.failOnce("laion.txt", 503);
        }
        e = assertThrows(DownloadException.class, () -> fetcher(false).fetch(url, tmp.resolve("y"), null));
        assertEquals(503, e.status());
        assertEquals(3, server.requests().stream().filter(r -> r.path().equals(PATH)).count(), "three attempts");
    }

    @Test
    void offlineRefusesToDownload() throws Exception {
        Path dest = tmp.resolve("laion.txt");
        DownloadException e = assertThrows(DownloadException.class, () -> fetcher(true).fetch(url, dest, null));
        assertTrue(e.getMessage().contains(dest.toString()) && e.getMessage().contains(url.toString()), e.getMessage());
        assertEquals(List.of(), server.requests());
        assertTrue(UrlFetcher.fromEnvironment(Map.of("SPLICE_OFFLINE", "1")).offline());
        assertTrue(UrlFetcher.fromEnvironment(Map.of("HF_HUB_OFFLINE", "true")).offline());
        assertFalse(UrlFetcher.fromEnvironment(Map.of()).offline());
    }
}
