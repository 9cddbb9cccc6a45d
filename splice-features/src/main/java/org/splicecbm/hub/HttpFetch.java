package org.splicecbm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP requests of the download core: HEAD and GET with redirects handled here rather than by the
 * client, so that the bearer token is never sent to another host (LFS files redirect to a CDN) and a HEAD
 * can stop at the first absolute redirect, whose headers carry the hub's metadata.
 */
final class HttpFetch {
    private static final int MAX_REDIRECTS = 10;
    private final HttpClient client;
    private final String userAgent;

    HttpFetch(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        this.userAgent = "splice-cbm/0.1 (java " + Runtime.version().feature() + ")";
    }

    /** HEAD that follows only relative redirects (renamed repositories), as huggingface_hub does. */
    HttpResponse<Void> head(URI url, String token) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = send(request(current, "HEAD", token, -1), HttpResponse.BodyHandlers.discarding());
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty() || URI.create(location.get()).isAbsolute()) {
                return response;
            }
            current = current.resolve(location.get());
        }
        throw new DownloadException("HEAD " + url + " failed: more than " + MAX_REDIRECTS + " redirects. " + DownloadException.OFFLINE_HINT);
    }

    /** GET from {@code offset} (a Range request when positive), following all redirects; the caller closes the body. */
    HttpResponse<InputStream> get(URI url, String token, long offset) throws IOException {
        URI current = url;
        String currentToken = token;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = send(request(current, "GET", currentToken, offset), HttpResponse.BodyHandlers.ofInputStream());
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            response.body().close();
            URI next = current.resolve(location.get());
            if (!sameOrigin(current, next)) {
                currentToken = null; // the token is for the hub only
            }
            current = next;
        }
        throw new DownloadException("GET " + url + " failed: more than " + MAX_REDIRECTS + " redirects. " + DownloadException.OFFLINE_HINT);
    }

    private HttpRequest request(URI url, String method, String token, long offset) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "identity")
                .timeout(Duration.ofMinutes(2));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        if (offset > 0) {
            b.header("Range", "bytes=" + offset + "-");
        }
        return b.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(request.method() + " " + request.uri() + " was interrupted");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost()) && a.getPort() == b.getPort();
    }
}
