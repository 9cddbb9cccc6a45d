package org.splicecbm.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.splicecbm.store.AtomicFiles;

/** A run in an MLflow file store: one file per param and tag, one line per metric value. */
final class FileStoreRun implements TrackedRun {
    /** MLflow's rule for param, metric and tag names. */
    private static final Pattern VALID_KEY = Pattern.compile("^[/\\w.\\- :]*$");
    private final Path dir;
    private final String experimentId;
    private final String runId;

    private FileStoreRun(Path dir, String experimentId, String runId) {
        this.dir = dir;
        this.experimentId = experimentId;
        this.runId = runId;
    }

    static FileStoreRun create(Path dir, String experimentId, String runId, String runName) throws IOException {
        for (String sub : List.of("metrics", "params", "tags", "artifacts")) {
            Files.createDirectories(dir.resolve(sub));
        }
        FileStoreRun run = new FileStoreRun(dir, experimentId, runId);
        run.writeMeta(runName, 1, System.currentTimeMillis(), null);
        run.setTags(Map.of("mlflow.runName", runName, "mlflow.user", System.getProperty("user.name", "unknown"),
                "mlflow.source.type", "LOCAL", "mlflow.source.name", "splice-cbm"));
        return run;
    }

    /** An existing run of the store, e.g. to tag it after a {@link MirrorSync}. */
    static FileStoreRun existing(Path dir) {
        return new FileStoreRun(dir, dir.getParent().getFileName().toString(), dir.getFileName().toString());
    }

    /** Marks this run RUNNING again without an end time (MLflow's resumed run); returns it. */
    FileStoreRun reopen() throws IOException {
        Map<String, Object> meta = MlflowYaml.read(dir.resolve("meta.yaml"));
        writeMeta((String) meta.get("run_name"), 1, ((Number) meta.get("start_time")).longValue(), null);
        return this;
    }

    /** The value of tag {@code key}, if the run has it. */
    java.util.Optional<String> tag(String key) throws IOException {
        Path file = keyFile("tags", key);
        return Files.isRegularFile(file) ? java.util.Optional.of(Files.readString(file)) : java.util.Optional.empty();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentId() {
        return experimentId;
    }

    Path directory() {
        return dir;
    }

    @Override
    public void logParams(Map<String, String> params) {
        params.forEach((key, value) -> {
            Path file = keyFile("params", key);
            try {
                if (Files.exists(file) && !Files.readString(file).equals(value)) {
                    throw new IllegalStateException("param '" + key + "' of run " + runId + " is already "
                            + Files.readString(file) + "; MLflow params cannot change (tried " + value + ")");
                }
                AtomicFiles.writeString(file, value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void logMetrics(Map<String, Double> metrics, long step) {
        long now = System.currentTimeMillis();
        metrics.forEach((key, value) -> {
            Path file = keyFile("metrics", key);
            String line = now + " " + value + " " + step + "\n";
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void setTags(Map<String, String> tags) {
        tags.forEach((key, value) -> AtomicFiles.writeUnchecked(keyFile("tags", key),
                out -> out.write(value.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void logArtifact(Path file, String artifactDir) {
        Path target = dir.resolve("artifacts").resolve(artifactDir).resolve(file.getFileName().toString()).normalize();
        if (!target.startsWith(dir.resolve("artifacts"))) {
            throw new IllegalArgumentException("artifact directory must stay inside the run, found '" + artifactDir + "'");
        }
        AtomicFiles.writeUnchecked(target, out -> Files.copy(file, out));
    }

    @Override
    public void finish(RunOutcome outcome, String error) {
        try {
            Map<String, Object> meta = MlflowYaml.read(dir.resolve("meta.yaml"));
            if (error != null) {
                setTags(Map.of("splice.error", error));
            }
            writeMeta((String) meta.get("run_name"), outcome.mlflowStatus(),
                    ((Number) meta.get("start_time")).longValue(), System.currentTimeMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish run " + runId + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeMeta(String runName, int status, long startTime, Long endTime) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_uri", dir.resolve("artifacts").toUri().toString().replaceAll("/$", ""));
        meta.put("end_time", endTime);
        meta.put("entry_point_name", "");
        meta.put("experiment_id", experimentId);
        meta.put("lifecycle_stage", "active");
        meta.put("run_id", runId);
        meta.put("run_name", runName);
        meta.put("run_uuid", runId);
        meta.put("source_name", "");
        meta.put("source_type", 4);
        meta.put("source_version", "");
        meta.put("start_time", startTime);
        meta.put("status", status);
        meta.put("tags", List.of());
        meta.put("user_id", System.getProperty("user.name", "unknown"));
        MlflowYaml.write(dir.resolve("meta.yaml"), meta);
    }

    private Path keyFile(String kind, String key) {
        if (key.isEmpty() || !VALID_KEY.matcher(key).matches() || key.contains("..") || key.startsWith("/")) {
            throw new IllegalArgumentException("MLflow " + kind + " names may contain only letters, digits, '_', '-', '.', ' ', ':' and '/'"
                    + " (no '..', not starting with '/'), found '" + key + "'");
        }
        return dir.resolve(kind).resolve(key);
    }
}
