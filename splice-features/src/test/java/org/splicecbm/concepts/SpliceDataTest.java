package org.splicecbm.concepts;

import org.splicecbm.SharedFixtures;
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
import org.splicecbm.hub.UrlFetcher;
import org.junit.jupiter.api.io.TempDir;

class SpliceDataTest {
    @TempDir
    Path cache;
    private SpliceDataServer server;

    @BeforeEach
    void start() throws IOException {
        server = new SpliceDataServer(SharedFixtures.spliceData());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SpliceData online() {
        return new SpliceData(server.baseUrl(), null, cache, new UrlFetcher(false));
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
        SpliceData offline = new SpliceData(server.baseUrl(), null, cache, new UrlFetcher(true));
        IOException e = assertThrows(IOException.class, () -> offline.file("vocab/laion.txt"));
        assertTrue(e.getMessage().contains("downloads are off"), e.getMessage());
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void offlineUsesWhatIsAlreadyCached() throws IOException {
        online().file("vocab/mscoco.txt");
        SpliceData offline = new SpliceData(server.baseUrl(), null, cache, new UrlFetcher(true));
        assertEquals(cache.resolve("vocab/mscoco.txt"), offline.file("vocab/mscoco.txt"));
        assertEquals(1, server.requests.size());
    }

    /** A wrong SPLICE_DATA_URL (404; unreachable hosts go through the same path after the fetcher's retries). */
    @Test
    void failedDownloadNamesTheUrlAndTheOfflineRemedy() {
        URI wrong = URI.create(server.baseUrl().toString().replace("/main/", "/no-such-branch/"));
        SpliceData data = new SpliceData(wrong, null, cache, new UrlFetcher(false));
        IOException e = assertThrows(IOException.class, () -> data.file("vocab/laion.txt"));
        assertTrue(e.getMessage().contains(wrong + "vocab/laion.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("vocab/laion.txt")));
    }

    @Test
    void localDataDirIsUsedWithoutAnyDownload() throws IOException {
        SpliceData local = new SpliceData(server.baseUrl(), SharedFixtures.spliceData(), cache, new UrlFetcher(false));
        assertEquals(SharedFixtures.spliceData().resolve("vocab/laion_bigrams.txt"), local.file("vocab/laion_bigrams.txt"));
        IOException e = assertThrows(IOException.class, () -> local.file("vocab/nope.txt"));
        assertTrue(e.getMessage().contains("SPLICE_DATA_DIR"), e.getMessage());
        assertTrue(server.requests.isEmpty());
    }
}
