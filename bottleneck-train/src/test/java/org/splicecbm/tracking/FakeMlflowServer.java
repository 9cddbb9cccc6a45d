package org.splicecbm.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for an MLflow tracking server, stateful like one, for the REST calls splice-cbm
 * makes (MLflow REST API 2.0: experiments/get-by-name, experiments/create, runs/create, runs/get,
 * runs/search, runs/log-batch, runs/set-tag, runs/update, runs/delete, and the mlflow-artifacts PUT).
 * It checks each request as MLflow does: path, HTTP method, required JSON fields, log-batch limits
 * (1,000 metrics, 100 params, 100 tags, 1,000 entities; 400 INVALID_PARAMETER_VALUE beyond), immutable
 * params, and, when {@link #requireAuthorization} is set, the Authorization header (401 without it, as
 * MLflow's basic-auth app answers). Violations are recorded. A protocol test double, not MLflow.
 */
public final class FakeMlflowServer implements AutoCloseable {
    record Request(String method, String path, String query, JsonNode json, byte[] body, String authorization) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Pattern TAG_FILTER = Pattern.compile("tags\\.`([^`]+)`\\s*=\\s*'([^']*)'");
    private static final Map<String, String> METHODS = Map.of("experiments/get-by-name", "GET", "runs/get", "GET");
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Map<String, FakeMlflowRun> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, byte[]> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> experiments = new LinkedHashMap<>();
    private final HttpServer server;
    public volatile int failWithStatus = 0;
    /** When set, every request must carry exactly this Authorization header. */
    public volatile String requireAuthorization;

    public FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> calls(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().endsWith(path)).toList();
        }
    }

    /** The active (not deleted) runs. */
    public List<FakeMlflowRun> activeRuns() {
        synchronized (runs) {
            return runs.values().stream().filter(r -> !r.deleted).toList();
        }
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        JsonNode json = !path.startsWith(ARTIFACTS) && body.length > 0 ? JSON.readTree(body) : null;
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), json, body, auth));
        if (requireAuthorization != null && !requireAuthorization.equals(auth)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"mlflow\"");
            respond(ex, 401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html"
                    + "#authenticating-to-mlflow on how to authenticate.");
        } else if (failWithStatus != 0) {
            respond(ex, failWithStatus, error("INTERNAL_ERROR", "injected failure"));
        } else if (path.startsWith(ARTIFACTS)) {
            expect(ex.getRequestMethod().equals("PUT"), "artifact upload must be PUT, was " + ex.getRequestMethod());
            artifacts.put(URLDecoder.decode(path.substring(ARTIFACTS.length()), StandardCharsets.UTF_8), body);
            respond(ex, 200, "{}");
        } else if (!path.startsWith(API)) {
            respond(ex, 404, error("ENDPOINT_NOT_FOUND", path));
        } else {
            String endpoint = path.substring(API.length());
            String method = METHODS.getOrDefault(endpoint, "POST");
            if (!method.equals(ex.getRequestMethod())) {
                violations.add(endpoint + " must be " + method + ", was " + ex.getRequestMethod());
                respond(ex, 405, error("BAD_REQUEST", "method not allowed"));
            } else {
                route(ex, endpoint, json);
            }
        }
    }

    private void route(HttpExchange ex, String endpoint, JsonNode json) throws IOException {
        switch (endpoint) {
            case "experiments/get-by-name" -> {
                String name = query(ex, "experiment_name");
                String id = experiments.get(name);
                if (id == null) {
                    respond(ex, 404, error("RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'"));
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
                String runId = String.format("%032x", runs.size() + 1);
                FakeMlflowRun run = new FakeMlflowRun(runId, json.get("experiment_id").asText(), json.get("run_name").asText(),
                        json.get("start_time").asLong());
                json.path("tags").forEach(t -> run.tags.put(t.get("key").asText(), t.get("value").asText()));
                runs.put(runId, run);
                respond(ex, 200, "{\"run\":" + run.toJson(JSON) + "}");
            }
            case "runs/get" -> withRun(ex, query(ex, "run_id"), run -> "{\"run\":" + run.toJson(JSON) + "}");
            case "runs/search" -> respond(ex, 200, search(json).toString());
            case "runs/log-batch" -> logBatch(ex, json);
            case "runs/set-tag" -> {
                require(json, "run_id", "key", "value");
                withRun(ex, json.path("run_id").asText(), run -> {
                    run.tags.put(json.get("key").asText(), json.get("value").asText());
                    return "{}";
                });
            }
            case "runs/update" -> {
                require(json, "run_id", "status");
                withRun(ex, json.path("run_id").asText(), run -> {
                    run.status = json.get("status").asText();
                    if (json.has("end_time")) { // optional in MLflow: start_run(run_id=...) sends only status RUNNING
                        run.endTime = json.get("end_time").asLong();
                    }
                    return "{\"run_info\":" + run.toJson(JSON).get("info") + "}";
                });
            }
            case "runs/delete" -> {
                require(json, "run_id");
                withRun(ex, json.path("run_id").asText(), run -> {
                    run.deleted = true;
                    return "{}";
                });
            }
            default -> respond(ex, 404, error("ENDPOINT_NOT_FOUND", endpoint));
        }
    }

    private void logBatch(HttpExchange ex, JsonNode json) throws IOException {
        require(json, "run_id");
        int metrics = json.path("metrics").size();
        int params = json.path("params").size();
        int tags = json.path("tags").size();
        String limit = metrics > 1000 ? "A batch logging request can contain at most 1000 metrics"
                : params > 100 ? "A batch logging request can contain at most 100 params"
                : tags > 100 ? "A batch logging request can contain at most 100 tags"
                : metrics + params + tags > 1000 ? "A batch logging request can contain at most 1000 total entities" : null;
        if (limit != null) {
            violations.add(limit + " (got " + metrics + " metrics, " + params + " params, " + tags + " tags)");
            respond(ex, 400, error("INVALID_PARAMETER_VALUE", limit));
            return;
        }
        json.path("metrics").forEach(m -> require(m, "key", "value", "timestamp", "step"));
        json.path("params").forEach(p -> require(p, "key", "value"));
        json.path("tags").forEach(t -> require(t, "key", "value"));
        withRun(ex, json.path("run_id").asText(), run -> run.log(json, violations));
    }

    private ObjectNode search(JsonNode json) {
        require(json, "experiment_ids");
        List<String> experimentIds = new ArrayList<>();
        json.get("experiment_ids").forEach(e -> experimentIds.add(e.asText()));
        Map<String, String> wanted = new LinkedHashMap<>();
        Matcher m = TAG_FILTER.matcher(json.path("filter").asText(""));
        while (m.find()) {
            wanted.put(m.group(1), m.group(2));
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode found = out.putArray("runs");
        for (FakeMlflowRun run : activeRuns()) {
            boolean match = experimentIds.contains(run.experimentId)
                    && wanted.entrySet().stream().allMatch(w -> w.getValue().equals(run.tags.get(w.getKey())));
            if (match) {
                found.add(run.toJson(JSON));
            }
        }
        return out;
    }

    private interface RunAction {
        String apply(FakeMlflowRun run) throws IOException;
    }

    private void withRun(HttpExchange ex, String runId, RunAction action) throws IOException {
        FakeMlflowRun run = runs.get(runId);
        if (run == null) {
            respond(ex, 404, error("RESOURCE_DOES_NOT_EXIST", "Run '" + runId + "' not found"));
            return;
        }
        String answer = action.apply(run);
        if (answer.startsWith("ERROR ")) {
            respond(ex, 400, error("INVALID_PARAMETER_VALUE", answer.substring(6)));
        } else {
            respond(ex, 200, answer);
        }
    }

    private static String query(HttpExchange ex, String key) {
        for (String pair : String.valueOf(ex.getRequestURI().getRawQuery()).split("&")) {
            if (pair.startsWith(key + "=")) {
                return URLDecoder.decode(pair.substring(key.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
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

    private static String error(String code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
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
