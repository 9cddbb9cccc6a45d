package org.splicecbm.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state {@link FakeMlflowServer} keeps per run, and its JSON as MLflow's REST API returns a {@code Run}. */
public final class FakeMlflowRun {
    record MetricValue(String key, double value, long timestamp, long step) {}

    final String runId;
    final String experimentId;
    public final String runName;
    final long startTime;
    public final Map<String, String> params = new LinkedHashMap<>();
    public final Map<String, String> tags = new LinkedHashMap<>();
    final List<MetricValue> metrics = new ArrayList<>();
    public String status = "RUNNING";
    Long endTime;
    boolean deleted;

    FakeMlflowRun(String runId, String experimentId, String runName, long startTime) {
        this.runId = runId;
        this.experimentId = experimentId;
        this.runName = runName;
        this.startTime = startTime;
    }

    /** Applies a log-batch; MLflow refuses to change a logged param (INVALID_PARAMETER_VALUE). */
    String log(JsonNode batch, List<String> violations) {
        for (JsonNode p : batch.path("params")) {
            String old = params.get(p.get("key").asText());
            if (old != null && !old.equals(p.get("value").asText())) {
                violations.add("param " + p.get("key").asText() + " changed");
                return "ERROR Changing param values is not allowed. Param with key='" + p.get("key").asText() + "' was already logged";
            }
        }
        batch.path("params").forEach(p -> params.put(p.get("key").asText(), p.get("value").asText()));
        batch.path("tags").forEach(t -> tags.put(t.get("key").asText(), t.get("value").asText()));
        batch.path("metrics").forEach(m -> metrics.add(new MetricValue(m.get("key").asText(), m.get("value").asDouble(),
                m.get("timestamp").asLong(), m.get("step").asLong())));
        return "{}";
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode run = json.createObjectNode();
        ObjectNode info = run.putObject("info").put("run_id", runId).put("run_uuid", runId).put("experiment_id", experimentId)
                .put("run_name", runName).put("status", status).put("start_time", startTime)
                .put("artifact_uri", "mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts")
                .put("lifecycle_stage", deleted ? "deleted" : "active");
        if (endTime != null) {
            info.put("end_time", endTime);
        }
        ObjectNode data = run.putObject("data");
        params.forEach((k, v) -> data.withArray("params").addObject().put("key", k).put("value", v));
        tags.forEach((k, v) -> data.withArray("tags").addObject().put("key", k).put("value", v));
        return run;
    }
}
