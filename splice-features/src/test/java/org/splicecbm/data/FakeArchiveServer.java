package org.splicecbm.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Serves byte arrays by file name from 127.0.0.1 on a free port; counts requests. */
public final class FakeArchiveServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    public FakeArchiveServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring(exchange.getRequestURI().getPath().lastIndexOf('/') + 1);
            hits.merge(name, 1, Integer::sum);
            byte[] body = files.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public void serve(String name, byte[] body) {
        files.put(name, body);
    }

    public int hits(String name) {
        return hits.getOrDefault(name, 0);
    }

    /** Base URL ending in a slash. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/kriz/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
