package org.splicecbm.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpliceDataTest {
    @TempDir
    Path cache;
    private SpliceDataServer server;

    @BeforeEach
    void start() throws IOException {
        server = new SpliceDataServer(SharedData.spliceData());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SpliceData online() {
        return new SpliceData(server.baseUrl(), null, cache, false, new HttpDownloader());
    }

    @Test
    void builtInVocabularyIsDownloadedOnceIntoTheCache() throws IOException {
        VocabularySource source = new VocabularySource(online());
        Vocabulary laion = source.resolve("laion");
        assertEquals(37445, laion.size());
        assertEquals(SpliceData.publishedSha256("vocab/laion.txt"), laion.sha256());
        assertEquals(List.of(SpliceDataServer.PREFIX + "vocab/laion.txt"), server.requests);
        assertTrue(Files.isRegularFile(cache.resolve("vocab/laion.txt")));

        source.resolve("laion");
        assertEquals(1, server.requests.size(), "the second resolve must read the cache");
    }

    @Test
    void publishedMeanIsDownloadedIntoTheCache() {
        ImageMean mean = ImageMeans.published("clip:RN50", online());
        assertEquals(1024, mean.dim());
        assertEquals(List.of(SpliceDataServer.PREFIX + "means/clip_RN50_image.pt"), server.requests);
        assertTrue(Files.isRegularFile(cache.resolve("means/clip_RN50_image.pt")));
    }

    @Test
    void corruptedDownloadIsRejectedAndLeavesNothingInTheCache() {
        server.corrupt = true;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new VocabularySource(online()).resolve("mscoco"));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("vocab/mscoco.txt")));
        try (var files = Files.walk(cache)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "no temporary file may remain");
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    @Test
    void offlineWithoutACachedCopyExplainsHowToWorkOffline() {
        SpliceData offline = new SpliceData(server.baseUrl(), null, cache, true, new HttpDownloader());
        IOException e = assertThrows(IOException.class, () -> offline.file("vocab/laion.txt"));
        assertTrue(e.getMessage().contains("downloads are off"), e.getMessage());
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void offlineUsesWhatIsAlreadyCached() throws IOException {
        online().file("vocab/mscoco.txt");
        SpliceData offline = new SpliceData(server.baseUrl(), null, cache, true, new HttpDownloader());
        assertEquals(cache.resolve("vocab/mscoco.txt"), offline.file("vocab/mscoco.txt"));
        assertEquals(1, server.requests.size());
    }

    @Test
    void unreachableHostNamesTheUrlAndTheOfflineRemedy() {
        URI dead = URI.create("http://127.0.0.1:" + deadPort() + "/data/");
        SpliceData data = new SpliceData(dead, null, cache, false, new HttpDownloader());
        IOException e = assertThrows(IOException.class, () -> data.file("vocab/laion.txt"));
        assertTrue(e.getMessage().contains(dead + "vocab/laion.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
    }

    @Test
    void localDataDirIsUsedWithoutAnyDownload() throws IOException {
        SpliceData local = new SpliceData(server.baseUrl(), SharedData.spliceData(), cache, false, new HttpDownloader());
        assertEquals(SharedData.spliceData().resolve("vocab/laion_bigrams.txt"), local.file("vocab/laion_bigrams.txt"));
        IOException e = assertThrows(IOException.class, () -> local.file("vocab/nope.txt"));
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
        assertTrue(server.requests.isEmpty());
    }

    private static int deadPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
