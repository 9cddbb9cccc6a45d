package org.splicecbm.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.AtomicFiles;

/**
 * Plain HTTP(S) GET into a file via {@link AtomicFiles}, with a progress bar. Stands in for the
 * hub's {@code UrlFetcher} (resume, caching) until that is merged.
 */
final class HttpArchiveFetcher implements ArchiveFetcher {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    @Override
    public void fetch(URI uri, Path destination) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + uri + " interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download of " + uri + " failed: HTTP " + response.statusCode()
                        + "; check the URL (dataset.url or CIFAR_URL) and the network");
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            try (ProgressBar bar = Progress.bar("download " + destination.getFileName(), total, "B")) {
                AtomicFiles.write(destination, out -> {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                        out.write(buffer, 0, n);
                        bar.stepBy(n);
                    }
                });
            }
        }
    }
}
