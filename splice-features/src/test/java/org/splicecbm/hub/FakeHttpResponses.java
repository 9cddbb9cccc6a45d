package org.splicecbm.hub;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Response writing for {@link FakeHubServer}: file content with {@code Range} support and cut-off faults, empty replies. */
final class FakeHttpResponses {
    private FakeHttpResponses() {}

    static void serveContent(HttpExchange ex, Path file, String etag, FakeHubServer.Fault fault) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            sendEmpty(ex, 404);
            return;
        }
        byte[] content = Files.readAllBytes(file);
        Headers out = ex.getResponseHeaders();
        out.set("Accept-Ranges", "bytes");
        out.set("Content-Type", "application/octet-stream");
        if (etag != null) {
            out.set("ETag", "\"" + etag + "\"");
        }
        long start = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        int status = 200;
        if (range != null && range.startsWith("bytes=")) {
            start = Long.parseLong(range.substring(6, range.indexOf('-')));
            if (start >= content.length) {
                out.set("Content-Range", "bytes */" + content.length);
                sendEmpty(ex, 416);
                return;
            }
            status = 206;
            out.set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        long length = content.length - start;
        if (ex.getRequestMethod().equals("HEAD")) {
            out.set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        OutputStream body = ex.getResponseBody();
        long send = fault != null && fault.dropAfterBytes() >= 0 ? Math.min(fault.dropAfterBytes(), length) : length;
        body.write(content, (int) start, (int) send);
        body.flush();
    }

    static void sendEmpty(HttpExchange ex, int status) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", "0");
        }
        ex.sendResponseHeaders(status, -1);
    }

    static String gitBlobSha1(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return FakeHubServer.hex("SHA-1", all);
    }
}
