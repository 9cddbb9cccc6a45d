package org.splicecbm.tracking;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;

/**
 * Uploads the runs of a local MLflow file store (the mirror a server outage left behind) to an MLflow
 * server: params, metrics with their steps and timestamps, tags, artifacts (through the HTTP artifact
 * API), status and end time. Idempotent: the server's copy carries {@code splice.mirror_run_id} and,
 * once complete, {@code splice.sync_complete}; the mirror's run gets {@link #syncedTag} with the
 * server's run id. A second sync uploads nothing twice; an upload cut off half-way is deleted on the
 * server and redone. Runs still {@code RUNNING} are left for later.
 */
public final class MirrorSync {
    static final String COMPLETE_TAG = "splice.sync_complete";
    /** Tags that describe the mirror itself, not the run. */
    private static final List<String> LOCAL_ONLY = List.of("splice.tracking_error", "splice.server_run_id", "splice.server", "splice.synced.");
    private final MlflowServerTracker server;
    private final PrintStream log;

    /** What one sync did. */
    public record Report(int uploaded, int alreadyThere, int stillRunning) {}

    public MirrorSync(MlflowServerTracker server, PrintStream log) {
        this.server = server;
        this.log = log;
    }

    /** The mirror's tag recording that a run is on {@code serverUri} (value: the server's run id). */
    public static String syncedTag(String serverUri) {
        return "splice.synced." + serverUri.replaceAll("/+$", "").replaceAll("[^A-Za-z0-9.-]", "_");
    }

    /** Uploads every run of the file store at {@code mirror} that the server does not have yet. */
    public Report sync(Path mirror) throws IOException {
        if (!Files.isDirectory(mirror)) {
            throw new IllegalArgumentException("--from: MLflow file store not found: " + mirror);
        }
        int uploaded = 0;
        int there = 0;
        int running = 0;
        for (Path experimentDir : subdirectoriesWithMeta(mirror)) {
            String experiment = String.valueOf(MlflowYaml.read(experimentDir.resolve("meta.yaml")).get("name"));
            for (Path runDir : subdirectoriesWithMeta(experimentDir)) {
                StoredRun run = StoredRun.read(runDir);
                if (run.status() == StoredRun.RUNNING) {
                    log.println("skipped " + experiment + "/" + run.runName() + " (" + run.runId() + "): still RUNNING");
                    running++;
                } else if (run.tags().containsKey(syncedTag(server.location()))) {
                    there++;
                } else {
                    String serverRunId = upload(experiment, run);
                    log.println("uploaded " + experiment + "/" + run.runName() + " (" + run.runId() + ") as " + serverRunId);
                    uploaded++;
                }
            }
        }
        return new Report(uploaded, there, running);
    }

    private String upload(String experiment, StoredRun run) {
        String experimentId = server.experimentId(experiment);
        String filter = "tags.`" + MirroredTracker.MIRROR_RUN_ID_TAG + "` = '" + run.runId() + "'";
        for (RunInfo existing : server.client().searchRuns(List.of(experimentId), filter)) {
            if (isComplete(existing.getRunId())) {
                markSynced(run, existing.getRunId());
                return existing.getRunId();
            }
            server.client().deleteRun(existing.getRunId()); // a cut-off upload: start over rather than log twice
        }
        RunInfo info = server.client().createRun(CreateRun.newBuilder().setExperimentId(experimentId)
                .setRunName(run.runName()).setStartTime(run.startTime()).setUserId(run.userId())
                .addTags(RunTag.newBuilder().setKey(MirroredTracker.MIRROR_RUN_ID_TAG).setValue(run.runId())).build());
        LogBatches.send(server.client(), info.getRunId(), metrics(run), params(run), tags(run));
        for (Path artifact : run.artifacts()) {
            Path parent = artifact.getParent();
            server.artifacts().upload(info.getArtifactUri(), run.dir().resolve("artifacts").resolve(artifact),
                    parent == null ? "" : parent.toString().replace('\\', '/'));
        }
        server.client().setTerminated(info.getRunId(), RunStatus.forNumber(run.status()),
                run.endTime() == null ? run.startTime() : run.endTime());
        server.client().setTag(info.getRunId(), COMPLETE_TAG, "true");
        markSynced(run, info.getRunId());
        return info.getRunId();
    }

    private boolean isComplete(String serverRunId) {
        return server.client().getRun(serverRunId).getData().getTagsList().stream()
                .anyMatch(t -> t.getKey().equals(COMPLETE_TAG) && t.getValue().equals("true"));
    }

    private void markSynced(StoredRun run, String serverRunId) {
        FileStoreRun.existing(run.dir()).setTags(Map.of(syncedTag(server.location()), serverRunId));
    }

    private static List<Metric> metrics(StoredRun run) {
        return run.metrics().stream().map(v -> Metric.newBuilder().setKey(v.key()).setValue(v.value())
                .setTimestamp(v.timestamp()).setStep(v.step()).build()).toList();
    }

    private static List<Param> params(StoredRun run) {
        List<Param> out = new ArrayList<>();
        run.params().forEach((k, v) -> out.add(Param.newBuilder().setKey(k).setValue(v).build()));
        return out;
    }

    private static List<RunTag> tags(StoredRun run) {
        List<RunTag> out = new ArrayList<>();
        run.tags().forEach((k, v) -> {
            if (LOCAL_ONLY.stream().noneMatch(k::startsWith)) {
                out.add(RunTag.newBuilder().setKey(k).setValue(v).build());
            }
        });
        return out;
    }

    private static List<Path> subdirectoriesWithMeta(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p.resolve("meta.yaml")))) {
            entries.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
