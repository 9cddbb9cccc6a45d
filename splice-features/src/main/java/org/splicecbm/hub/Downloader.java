package org.splicecbm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.AtomicFiles;

/**
 * The one download core behind {@link HubClient} and {@link UrlFetcher}: streams a URL into
 * {@code <destination>.incomplete}, resumes an interrupted transfer with a {@code Range} request, retries
 * network errors and server errors with exponential backoff, verifies the size and checksum, and only then
 * renames the file into place, so a destination that exists is always complete.
 */
final class Downloader {
    static final String INCOMPLETE_SUFFIX = ".incomplete";
    private final HttpFetch http;
    private final int maxAttempts;
    private final Duration firstBackoff;

    Downloader(int maxAttempts, Duration firstBackoff) {
        this.http = new HttpFetch(Duration.ofSeconds(30));
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    static Downloader standard() {
        return new Downloader(5, Duration.ofSeconds(1));
    }

    /**
     * Downloads {@code url} to {@code destination}.
     *
     * @param expectedSize the size in bytes, or -1 when unknown
     * @param checksum the expected digest, or null
     * @param token a bearer token for the first host, or null
     * @param label what the progress bar calls the file
     */
    void download(URI url, Path destination, long expectedSize, Checksum checksum, String token, String label) throws IOException {
        Path partial = destination.resolveSibling(destination.getFileName() + INCOMPLETE_SUFFIX);
        Files.createDirectories(destination.toAbsolutePath().getParent());
        retrying("GET", url, () -> {
            transfer(url, partial, expectedSize, token, label);
            return null;
        });
        verify(url, partial, expectedSize, checksum);
        AtomicFiles.moveIntoPlace(partial, destination);
    }

    /** A HEAD request (relative redirects followed), retried like downloads; any final status is returned. */
    HttpResponse<Void> head(URI url, String token) throws IOException {
        return retrying("HEAD", url, () -> {
            HttpResponse<Void> response = http.head(url, token);
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                throw new DownloadException(HttpErrors.describe("HEAD", url, status, response.headers()), status, null);
            }
            return response;
        });
    }

    /** One network step that may be repeated. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    private <T> T retrying(String method, URI url, Step<T> step) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (DownloadException e) {
                if (!e.transientFailure() || attempt >= maxAttempts) {
                    throw e;
                }
            } catch (java.io.InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new DownloadException(method + " " + url + " failed after " + attempt + " attempts: " + e + ". "
                            + DownloadException.OFFLINE_HINT, -1, e);
                }
            }
            pause(firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 6)));
        }
    }

    private void transfer(URI url, Path partial, long expectedSize, String token, String label) throws IOException {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (expectedSize >= 0 && have >= expectedSize) {
            if (have == expectedSize) {
                return;
            }
            have = 0;
        }
        HttpResponse<InputStream> response = http.get(url, token, have);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                // the partial file is as long as the remote one or longer: start over (retryable, hence no status)
                Files.deleteIfExists(partial);
                throw new DownloadException("GET " + url + ": the server refused to resume at byte " + have, -1, null);
            }
            if (status != 200 && status != 206) {
                throw new DownloadException(HttpErrors.describe("GET", url, status, response.headers()), status, null);
            }
            if (status == 206 && !startsAt(response, have)) {
                Files.deleteIfExists(partial);
                throw new DownloadException("GET " + url + ": the server answered a resume request at byte " + have
                        + " with Content-Range " + response.headers().firstValue("Content-Range").orElse("(none)"), -1, null);
            }
            boolean resumed = status == 206;
            long start = resumed ? have : 0;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = expectedSize >= 0 ? expectedSize : length >= 0 ? start + length : -1;
            copy(body, partial, resumed, start, total, label);
        }
    }

    private static boolean startsAt(HttpResponse<?> response, long offset) {
        return response.headers().firstValue("Content-Range").map(r -> r.startsWith("bytes " + offset + "-")).orElse(false);
    }

    private static void copy(InputStream body, Path partial, boolean append, long start, long total, String label) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
             ProgressBar bar = Progress.bar("download " + label, total < 0 ? -1 : total / 1024, "KiB")) {
            bar.stepTo(start / 1024);
            long written = start;
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                written += n;
                bar.stepTo(written / 1024);
            }
        }
    }

    private static void verify(URI url, Path partial, long expectedSize, Checksum checksum) throws IOException {
        long size = Files.size(partial);
        if (expectedSize >= 0 && size != expectedSize) {
            Files.deleteIfExists(partial);
            throw new DownloadException("GET " + url + ": expected " + expectedSize + " bytes, received " + size
                    + "; the partial file was removed, run again to retry. " + DownloadException.OFFLINE_HINT);
        }
        if (checksum != null) {
            String actual = checksum.digestOf(partial);
            if (!actual.equals(checksum.hex())) {
                Files.deleteIfExists(partial);
                throw new DownloadException("GET " + url + ": " + checksum.algorithm() + " mismatch: expected " + checksum.hex()
                        + ", the downloaded file has " + actual + "; it was discarded (a corrupted transfer or a changed"
                        + " file on the server). " + DownloadException.OFFLINE_HINT);
            }
        }
    }

    private static void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("download interrupted while waiting to retry");
        }
    }
}
