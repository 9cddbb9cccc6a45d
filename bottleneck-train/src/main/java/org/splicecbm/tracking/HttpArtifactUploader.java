package org.splicecbm.tracking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.mlflow.tracking.creds.MlflowHostCreds;

/**
 * Uploads artifacts through an MLflow server's artifact proxy
 * ({@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}), which is what MLflow's Python client does
 * for {@code mlflow-artifacts:} artifact URIs. Servers that hand out another artifact store (S3, a
 * local path) cannot be written from here; the error says to start the server with
 * {@code --serve-artifacts} (the default since MLflow 2.0).
 */
final class HttpArtifactUploader {
    private static final String API = "/api/2.0/mlflow-artifacts/artifacts/";
    private final String trackingUri;
    private final MlflowHostCreds creds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    HttpArtifactUploader(String trackingUri, MlflowHostCreds creds) {
        this.trackingUri = trackingUri;
        this.creds = creds;
    }

    void upload(String artifactUri, Path file, String artifactDir) {
        URI target = URI.create(trackingUri + API + encodePath(join(artifactPath(artifactUri), artifactDir, file.getFileName().toString())));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofMinutes(10))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
            authorise(request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new TrackingException("MLflow server refused artifact " + file + " at PUT " + target + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new TrackingException("could not upload artifact " + file + " to " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("interrupted while uploading " + file, e);
        }
    }

    /** {@code mlflow-artifacts:/1/abc/artifacts} or {@code mlflow-artifacts://host:port/1/abc/artifacts} → {@code 1/abc/artifacts}. */
    static String artifactPath(String artifactUri) {
        URI uri = URI.create(artifactUri);
        if (!"mlflow-artifacts".equals(uri.getScheme())) {
            throw new TrackingException("the MLflow server stores this run's artifacts at " + artifactUri
                    + ", which splice-cbm cannot write directly; start the server with --serve-artifacts"
                    + " (so artifact URIs are mlflow-artifacts:/...), or use a local tracking.uri");
        }
        return uri.getPath().replaceAll("^/+", "");
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            String t = p.replaceAll("^/+|/+$", "");
            if (!t.isEmpty()) {
                out.append(out.length() == 0 ? "" : "/").append(t);
            }
        }
        return out.toString();
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            out.append(out.length() == 0 ? "" : "/")
                    .append(java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private void authorise(HttpRequest.Builder request) {
        // the precedence of MLflow's clients: basic when user and password are both set, else the bearer token
        if (creds.getUsername() != null && creds.getPassword() != null) {
            String basic = creds.getUsername() + ":" + creds.getPassword();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else if (creds.getToken() != null) {
            request.header("Authorization", "Bearer " + creds.getToken());
        }
    }
}
