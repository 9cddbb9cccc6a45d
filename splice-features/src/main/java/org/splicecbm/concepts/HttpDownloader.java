package org.splicecbm.concepts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.splicecbm.store.AtomicFiles;

/**
 * Plain HTTP(S) GET into a file through {@link AtomicFiles}, for SpLiCE's small published files (at most a few
 * hundred kB, so no resume). A checksum mismatch leaves no file behind.
 */
final class HttpDownloader implements Downloader {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    @Override
    public Path fetch(URI url, Path destination, String expectedSha256) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
            }
            MessageDigest md = Sha256.digest();
            AtomicFiles.write(destination, out -> {
                new DigestInputStream(body, md).transferTo(out);
                checkDigest(url, HexFormat.of().formatHex(md.digest()), expectedSha256);
            });
        }
        return destination;
    }

    private static void checkDigest(URI url, String actual, String expected) throws IOException {
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw new IOException("the file downloaded from " + url + " has SHA-256 " + actual + ", expected " + expected);
        }
    }
}
