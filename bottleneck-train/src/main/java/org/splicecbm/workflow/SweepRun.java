package org.splicecbm.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.splicecbm.report.SweepReport;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.UniqueDirectory;
import org.splicecbm.sweep.ArbiterSweepRunner;
import org.splicecbm.sweep.ArbiterSweepSearch;
import org.splicecbm.sweep.FeaturePoint;
import org.splicecbm.sweep.PathOutcome;
import org.splicecbm.sweep.ResumingExecutor;
import org.splicecbm.sweep.SweepLock;
import org.splicecbm.sweep.SweepState;
import org.splicecbm.sweep.Trial;
import org.splicecbm.sweep.TrialResult;
import org.splicecbm.sweep.TrialStore;
import org.splicecbm.tracking.RunProvenance;
import org.splicecbm.tracking.RunInterrupts;
import org.splicecbm.tracking.RunTracker;
import org.splicecbm.tracking.TrackedRun;

/**
 * A sweep as a library call: plan the feature points of the config's {@code sweep:} section (grid or seeded
 * random over vocabulary size x SpLiCE l1), run one probe regularisation path per point not yet in the trial
 * store ({@link SweepTrials}) under one tracked parent run, and write the results folder
 * ({@link SweepResultsFolder}). The sweep's id and parent run are recorded beside the trial store
 * ({@link SweepState}), so a rerun of the same config continues the same parent run and results folder, and a
 * finished sweep's rerun changes nothing. Ctrl-C / SIGTERM ends the parent run KILLED and removes the unfinished
 * results folder ({@link SweepInterrupts}).
 */
public final class SweepRun {
    private SweepRun() {}

    /** Runs the sweep of {@code config} (which must have a {@code sweep:} section), printing progress to {@code out}. */
    public static SweepResult run(RunConfig config, PrintStream out) throws IOException {
        return run(config, List.of(), out);
    }

    /** As {@link #run(RunConfig, PrintStream)}; {@code commands} (how the sweep was started) go on its page. */
    public static SweepResult run(RunConfig config, List<String> commands, PrintStream out) throws IOException {
        if (config.sweep() == null) {
            throw new IllegalArgumentException("config " + config.name() + " has no sweep: section");
        }
        List<FeaturePoint> plan = new ArbiterSweepSearch(config).paths();
        Path sweeps = config.output().resolve("sweeps");
        TrialStore store = new TrialStore(sweeps.resolve(config.name()).resolve("trials"));
        try (SweepLock lock = SweepLock.acquire(store)) {
            return runLocked(config, commands, plan, sweeps, store, out);
        }
    }

    private static SweepResult runLocked(RunConfig config, List<String> commands, List<FeaturePoint> plan, Path sweeps,
                                         TrialStore store, PrintStream out) throws IOException {
        List<TrialResult> stored = new ArrayList<>();
        Set<FeaturePoint> finished = new HashSet<>();
        for (FeaturePoint p : plan) {
            Optional<PathOutcome> path = store.completed(Trial.of(config, p));
            path.ifPresent(o -> {
                finished.add(p);
                stored.addAll(o.points());
            });
        }
        int done = finished.size();
        String fingerprint = Trial.fingerprint(config);
        Optional<SweepState> previous = SweepState.read(store).filter(s -> s.configFingerprint().equals(fingerprint));
        if (previous.isPresent() && previous.get().finished() && done == plan.size()
                && Files.isRegularFile(sweeps.resolve(previous.get().sweepId()).resolve("trials.csv"))) {
            return nothingToDo(config, previous.get(), sweeps.resolve(previous.get().sweepId()), stored, plan.size(), out);
        }
        try (RunTracker tracker = TrainingRun.tracker(config)) {
            Parent parent = previous.isPresent() ? resume(previous.get(), tracker, out) : null;
            Parent opened = parent != null ? parent : start(config, sweeps, tracker, fingerprint, store);
            SweepState state = opened.state();
            Path dir = sweeps.resolve(state.sweepId());
            out.printf("sweep %s%s: %d paths (%s search over vocabulary size x splice l1), %d already done, %d to run%n",
                    state.sweepId(), parent != null ? " (continued, parent run " + state.parentRunId() + ")" : "",
                    plan.size(), config.sweep().search().yaml(), done, plan.size() - done);
            SweepResult result = runPaths(config, commands, plan, store, tracker, opened.run(), state, dir, finished, out);
            state.asFinished().write(store);
            out.println("tracked: " + tracker.location());
            if (tracker.outage().isPresent()) {
                throw tracker.outage().get(); // after the sweep is stored locally
            }
            return result;
        }
    }

    private static SweepResult runPaths(RunConfig config, List<String> commands, List<FeaturePoint> plan, TrialStore store,
                                        RunTracker tracker, TrackedRun parent, SweepState state, Path dir,
                                        Set<FeaturePoint> finished,
                                        PrintStream out) throws IOException {
        try (SweepInterrupts interrupts = new SweepInterrupts(parent, state.sweepId(), dir, store.directory(), plan.size(),
                finished.size())) {
            Map<String, String> childTags = Map.of("splice.sweep", state.sweepId(), "mlflow.parentRunId", parent.runId());
            SweepFeatures features = new SweepFeatures(plan, finished, out);
            SweepTrials paths = new SweepTrials(tracker, state.sweepId(), childTags, interrupts, features, out);
            List<TrialResult> results = new ArrayList<>();
            ArbiterSweepRunner.run(config, plan, new ResumingExecutor(store, paths), config.sweep().metric())
                    .forEach(p -> results.addAll(p.points()));
            interrupts.writingResults();
            TrialResult chosen = SweepResultsFolder.write(config, commands, dir, results, parent, out);
            RunInterrupts.finished(parent);
            return new SweepResult(state.sweepId(), results, chosen, dir, parent.runId());
        } catch (IOException | RuntimeException e) {
            RunInterrupts.failed(parent, e);
            deleteIfEmpty(dir); // the claimed results folder; a rerun recreates it under the same name
            throw e;
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // results of an earlier attempt; the next complete write replaces them as a whole
        }
    }

    /** A sweep's record and its tracked parent run. */
    private record Parent(SweepState state, TrackedRun run) {}

    /** The recorded sweep's parent run, running again; null (a new sweep) when the tracker no longer has it. */
    private static Parent resume(SweepState state, RunTracker tracker, PrintStream out) {
        try {
            return new Parent(state, tracker.resumeRun(state.parentRunId()));
        } catch (IllegalArgumentException gone) {
            out.println("sweep " + state.sweepId() + ": its parent run is gone (" + gone.getMessage()
                    + "); starting a new parent run and results folder (finished paths are still reused)");
            return null;
        }
    }

    /** A new sweep: claims its results folder, starts its parent run and records both beside the trial store. */
    private static Parent start(RunConfig config, Path sweeps, RunTracker tracker, String fingerprint, TrialStore store)
            throws IOException {
        // claimed now, so a sweep started in the same second gets its own results folder
        String sweepId = UniqueDirectory.claimStamped(sweeps, config.name()).getFileName().toString();
        Map<String, String> tags = new LinkedHashMap<>(RunProvenance.tags(config));
        tags.put("splice.sweep", sweepId);
        TrackedRun parent = tracker.startRun(config.experimentName(), sweepId, tags);
        parent.logParams(RunProvenance.params(config));
        SweepState state = new SweepState(sweepId, parent.runId(), fingerprint, false);
        state.write(store);
        return new Parent(state, parent);
    }

    private static SweepResult nothingToDo(RunConfig config, SweepState state, Path dir, List<TrialResult> stored, int paths,
                                           PrintStream out) {
        TrialResult chosen = SweepReport.best(stored, config.sweep().metric());
        out.printf("sweep %s is complete: all %d paths are done and its results are in %s; nothing to do, nothing rewritten"
                + " (parent run %s)%n", state.sweepId(), paths, dir, state.parentRunId());
        return new SweepResult(state.sweepId(), stored, chosen, dir, state.parentRunId());
    }
}
