package org.splicecbm.hub;

import java.net.URI;
import java.net.http.HttpHeaders;

/** Turns an HTTP failure status into a message that says what probably went wrong and what to do. */
final class HttpErrors {
    private HttpErrors() {}

    /** Includes the hub's own explanation ({@code X-Error-Code}, {@code X-Error-Message}) when the response has one. */
    static String describe(String method, URI url, int status, HttpHeaders headers) {
        String why = switch (status) {
            case 401 -> "unauthorised: the repository does not exist, or it is private or gated (accept its terms on the hub and set HF_TOKEN)";
            case 403 -> "forbidden: the token has no access to this repository; accept its terms on the hub or use another HF_TOKEN";
            case 404 -> "not found: check the repository name, the revision and the file name";
            case 429 -> "rate limited by the server; wait and retry, or set HF_TOKEN";
            default -> status >= 500 ? "server error; retry later" : "unexpected response";
        };
        String server = "";
        if (headers != null) {
            String code = headers.firstValue("X-Error-Code").orElse("");
            String message = headers.firstValue("X-Error-Message").orElse("");
            if (!code.isEmpty() || !message.isEmpty()) {
                server = "; the server says: " + (code + " " + message).trim();
            }
        }
        return method + " " + url + " failed: HTTP " + status + " (" + why + server + "). " + DownloadException.OFFLINE_HINT;
    }
}
