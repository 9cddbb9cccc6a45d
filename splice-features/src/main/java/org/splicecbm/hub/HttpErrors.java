package org.splicecbm.hub;

import java.net.URI;

/** Turns an HTTP failure status into a message that says what probably went wrong and what to do. */
final class HttpErrors {
    private HttpErrors() {}

    static String describe(String method, URI url, int status) {
        String why = switch (status) {
            case 401, 403 -> "access denied: the repository may be private or gated; accept its terms on the hub and set HF_TOKEN";
            case 404 -> "not found: check the repository name, the revision and the file name";
            case 429 -> "rate limited by the server; wait and retry, or set HF_TOKEN";
            default -> status >= 500 ? "server error; retry later" : "unexpected response";
        };
        return method + " " + url + " failed: HTTP " + status + " (" + why + "). " + DownloadException.OFFLINE_HINT;
    }
}
