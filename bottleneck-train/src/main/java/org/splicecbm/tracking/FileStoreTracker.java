package org.splicecbm.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A local MLflow tracking store in MLflow's file-store layout ({@code mlruns/<experiment id>/meta.yaml},
 * {@code mlruns/<experiment id>/<run id>/{meta.yaml, params/, metrics/, tags/, artifacts/}}), so that
 * {@code mlflow ui --backend-store-uri ./mlruns} shows the runs (newer MLflow versions need
 * {@code MLFLOW_ALLOW_FILE_STORE=true} or {@code mlflow migrate-filestore}).
 */
public final class FileStoreTracker implements RunTracker {
    static final String DEFAULT_EXPERIMENT_ID = "0";
    private final Path root;

    public FileStoreTracker(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            try (StoreLock lock = StoreLock.acquire(this.root)) { // another process may be creating it right now
                if (!Files.exists(this.root.resolve(DEFAULT_EXPERIMENT_ID).resolve("meta.yaml"))) {
                    createExperimentDir(DEFAULT_EXPERIMENT_ID, "Default");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the MLflow file store at " + this.root
                    + ": " + e.getMessage() + "; set tracking.uri to a writable folder", e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toUri().toString();
    }

    @Override
    public TrackedRun startRun(String experiment, String runName, Map<String, String> tags) {
        try {
            String experimentId;
            try (StoreLock lock = StoreLock.acquire(root)) { // one experiment per name, also for runs started at once
                experimentId = findExperiment(experiment).orElseGet(() -> createExperiment(experiment));
            }
            String runId = UUID.randomUUID().toString().replace("-", "");
            FileStoreRun run = FileStoreRun.create(root.resolve(experimentId).resolve(runId), experimentId, runId, runName);
            run.setTags(tags);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a run in " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TrackedRun resumeRun(String runId) {
        try (DirectoryStream<Path> experiments = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path experiment : experiments) {
                Path run = experiment.resolve(runId);
                if (Files.isRegularFile(run.resolve("meta.yaml"))) {
                    return FileStoreRun.existing(run).reopen();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume run " + runId + " in " + root + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("run " + runId + " is not in the MLflow file store " + root);
    }

    /** The id of the active experiment called {@code name}, if any. */
    public Optional<String> findExperiment(String name) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path meta = dir.resolve("meta.yaml");
                if (Files.exists(meta) && name.equals(MlflowYaml.read(meta).get("name"))) {
                    return Optional.of(dir.getFileName().toString());
                }
            }
        }
        return Optional.empty();
    }

    /** A new experiment with the next free numeric id; the caller holds the {@link StoreLock}. */
    private String createExperiment(String name) {
        long next = 1;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (id.chars().allMatch(Character::isDigit) && id.length() < 18) {
                    next = Math.max(next, Long.parseLong(id) + 1);
                }
            }
            createExperimentDir(Long.toString(next), name); // under the store lock: no other process picks this id
            return Long.toString(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create experiment '" + name + "' in " + root + ": " + e.getMessage(), e);
        }
    }

    private void createExperimentDir(String id, String name) throws IOException {
        Path dir = root.resolve(id);
        Files.createDirectories(dir); // a folder left by a process killed before its meta.yaml is taken over
        long now = System.currentTimeMillis();
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("artifact_location", dir.toUri().toString().replaceAll("/$", ""));
        meta.put("creation_time", now);
        meta.put("experiment_id", id);
        meta.put("last_update_time", now);
        meta.put("lifecycle_stage", "active");
        meta.put("name", name);
        MlflowYaml.write(dir.resolve("meta.yaml"), meta);
    }
}
