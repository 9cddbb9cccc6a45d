package org.splicecbm.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.RunTrackers;
import org.splicecbm.tracking.TrackedRun;

/**
 * Records one finished analysis as an MLflow run through the project's {@link RunTracker}: parameters,
 * summary metrics, and every file of the analysis's output folder as artifacts.
 *
 * @param uri        tracking URI ({@code http(s)://}, {@code file:} or a folder)
 * @param localStore the local mirror when {@code uri} is a server
 * @param experiment MLflow experiment name
 */
public record AnalysisTracking(String uri, Path localStore, String experiment) {

    /** Logs the run and returns its id. */
    public String log(String runName, Map<String, String> params, Map<String, Double> metrics, Path outputDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(outputDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (RunTracker tracker = RunTrackers.open(uri, localStore)) {
            TrackedRun run = tracker.startRun(experiment, runName, Map.of("splice.analysis", runName));
            RunInterrupts.runToEnd(run, "analysis run " + runName, null, () -> {
                run.logParams(params);
                Map<String, Double> finite = new java.util.TreeMap<>();
                metrics.forEach((k, v) -> {
                    if (Double.isFinite(v)) {
                        finite.put(k, v); // MLflow rejects NaN and infinities
                    }
                });
                run.logMetrics(finite, 0);
                files.forEach(f -> run.logArtifact(f, ""));
                return null;
            });
            return run.runId();
        }
    }
}
