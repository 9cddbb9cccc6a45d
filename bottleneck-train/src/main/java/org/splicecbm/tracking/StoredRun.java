package org.splicecbm.tracking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One run as MLflow's file store holds it ({@code <experiment id>/<run id>/}): meta.yaml, one file per
 * param and tag (names may contain '/', i.e. sub-folders), one {@code <timestamp> <value> <step>} line per
 * metric value, and the artifact files.
 */
record StoredRun(Path dir, String runId, String runName, int status, long startTime, Long endTime, String userId,
                 Map<String, String> params, Map<String, String> tags, List<Value> metrics, List<Path> artifacts) {
    static final int RUNNING = 1;

    /** One logged metric value. */
    record Value(String key, double value, long timestamp, long step) {}

    static StoredRun read(Path dir) throws IOException {
        Map<String, Object> meta = MlflowYaml.read(dir.resolve("meta.yaml"));
        List<Value> metrics = new ArrayList<>();
        for (Map.Entry<String, String> e : keyedFiles(dir.resolve("metrics")).entrySet()) {
            for (String line : e.getValue().split("\n")) {
                if (!line.isBlank()) {
                    String[] f = line.trim().split("\\s+");
                    metrics.add(new Value(e.getKey(), parseDouble(f[1]), Long.parseLong(f[0]), f.length > 2 ? Long.parseLong(f[2]) : 0));
                }
            }
        }
        List<Path> artifacts;
        Path artifactRoot = dir.resolve("artifacts");
        try (Stream<Path> files = Files.exists(artifactRoot) ? Files.walk(artifactRoot) : Stream.empty()) {
            artifacts = files.filter(Files::isRegularFile).map(artifactRoot::relativize).sorted().toList();
        }
        Object end = meta.get("end_time");
        return new StoredRun(dir, String.valueOf(meta.get("run_id")), String.valueOf(meta.get("run_name")),
                number(meta.get("status")).intValue(), number(meta.get("start_time")).longValue(),
                end == null ? null : number(end).longValue(), String.valueOf(meta.get("user_id")),
                keyedFiles(dir.resolve("params")), keyedFiles(dir.resolve("tags")), metrics, artifacts);
    }

    /** Python's MLflow writes {@code nan} and {@code inf}; Java writes {@code NaN} and {@code Infinity}. */
    private static double parseDouble(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static Number number(Object o) {
        return o instanceof Number n ? n : Long.valueOf(String.valueOf(o));
    }

    /** Files under {@code root} by their MLflow key (the relative path with '/'), skipping temporary files. */
    private static Map<String, String> keyedFiles(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
