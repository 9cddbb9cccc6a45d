package org.splicecbm.concepts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves a folder on 127.0.0.1 in SpLiCE's raw-GitHub layout ({@code /AI4LIFE-GROUP/SpLiCE/main/data/...}). */
public final class SpliceDataServer implements AutoCloseable {
    public static final String PREFIX = "/AI4LIFE-GROUP/SpLiCE/main/data/";
    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    volatile boolean corrupt;

    public SpliceDataServer(Path given) throws IOException {
        Path folder = given.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Path file = path.startsWith(PREFIX) ? folder.resolve(path.substring(PREFIX.length())).normalize() : null;
            if (file == null || !file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (corrupt) {
                body[body.length / 2] ^= 1;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PREFIX);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
