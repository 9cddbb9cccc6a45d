package org.splicecbm.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for an MLflow tracking server that implements the REST calls splice-cbm makes
 * (MLflow REST API 2.0: experiments/get-by-name, experiments/create, runs/create, runs/log-batch,
 * runs/set-tag, runs/update, and the mlflow-artifacts PUT), validates each request's shape against
 * the API, and records them. It is a protocol test double, not an MLflow server.
 */
final class FakeMlflowServer implements AutoCloseable {
    record Request(String method, String path, String query, JsonNode json, byte[] body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> experiments = new HashMap<>();
    private final HttpServer server;
    volatile int failWithStatus = 0;

    FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> calls(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().endsWith(path)).toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        JsonNode json = null;
        if (!path.contains("mlflow-artifacts") && body.length > 0) {
            json = JSON.readTree(body);
        }
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(), json, body));
        if (failWithStatus != 0) {
            respond(ex, failWithStatus, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"injected failure\"}");
            return;
        }
        String api = "/api/2.0/mlflow/";
        if (path.startsWith("/api/2.0/mlflow-artifacts/artifacts/")) {
            expect(ex.getRequestMethod().equals("PUT"), "artifact upload must be PUT, was " + ex.getRequestMethod());
            respond(ex, 200, "{}");
        } else if (!path.startsWith(api)) {
            respond(ex, 404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\"}");
        } else {
            route(ex, path.substring(api.length()), json);
        }
    }

    private void route(HttpExchange ex, String endpoint, JsonNode json) throws IOException {
        switch (endpoint) {
            case "experiments/get-by-name" -> {
                String name = java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery().replace("experiment_name=", ""), StandardCharsets.UTF_8);
                String id = experiments.get(name);
                if (id == null) {
                    respond(ex, 404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Could not find experiment with name '" + name + "'\"}");
                } else {
                    respond(ex, 200, "{\"experiment\":{\"experiment_id\":\"" + id + "\",\"name\":\"" + name + "\",\"lifecycle_stage\":\"active\"}}");
                }
            }
            case "experiments/create" -> {
                require(json, "name");
                String id = Integer.toString(experiments.size() + 1);
                experiments.put(json.get("name").asText(), id);
                respond(ex, 200, "{\"experiment_id\":\"" + id + "\"}");
            }
            case "runs/create" -> {
                require(json, "experiment_id", "start_time", "run_name");
                String runId = String.format("%032x", requests.size());
                ObjectNode info = JSON.createObjectNode().put("run_id", runId).put("run_uuid", runId)
                        .put("experiment_id", json.get("experiment_id").asText()).put("status", "RUNNING")
                        .put("run_name", json.get("run_name").asText())
                        .put("artifact_uri", "mlflow-artifacts:/" + json.get("experiment_id").asText() + "/" + runId + "/artifacts")
                        .put("lifecycle_stage", "active");
                ObjectNode run = JSON.createObjectNode();
                run.putObject("run").set("info", info);
                respond(ex, 200, run.toString());
            }
            case "runs/log-batch" -> {
                require(json, "run_id");
                expect(!json.has("metrics") || json.get("metrics").size() <= 1000, "at most 1000 metrics per batch");
                expect(!json.has("params") || json.get("params").size() <= 100, "at most 100 params per batch");
                json.path("metrics").forEach(m -> require(m, "key", "value", "timestamp", "step"));
                json.path("params").forEach(p -> require(p, "key", "value"));
                json.path("tags").forEach(t -> require(t, "key", "value"));
                respond(ex, 200, "{}");
            }
            case "runs/set-tag" -> {
                require(json, "run_id", "key", "value");
                respond(ex, 200, "{}");
            }
            case "runs/update" -> {
                require(json, "run_id", "status", "end_time");
                respond(ex, 200, "{\"run_info\":{\"run_id\":\"" + json.get("run_id").asText() + "\",\"status\":\"" + json.get("status").asText() + "\"}}");
            }
            default -> respond(ex, 404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"" + endpoint + "\"}");
        }
    }

    private void require(JsonNode json, String... fields) {
        for (String f : fields) {
            expect(json != null && json.hasNonNull(f), "request is missing '" + f + "': " + json);
        }
    }

    private void expect(boolean ok, String violation) {
        if (!ok) {
            violations.add(violation);
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
