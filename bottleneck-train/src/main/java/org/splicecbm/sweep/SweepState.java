package org.splicecbm.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.splicecbm.store.AtomicFiles;

/**
 * Which sweep a trial store belongs to ({@code sweeps/<name>/sweep.json}, beside {@code trials/}): the sweep's
 * id (its results folder's name), its tracked parent run and the fingerprint of the config it was started with,
 * and whether it finished. A rerun of the same config continues that parent run and results folder instead of
 * starting new ones; a finished one has nothing left to do.
 *
 * @param sweepId           the results folder's name under {@code output/sweeps/}
 * @param parentRunId       the MLflow parent run's id
 * @param configFingerprint {@link Trial#fingerprint(org.splicecbm.runconfig.RunConfig)} of the sweep's config
 * @param finished          true once the results folder is complete and the parent run FINISHED
 */
public record SweepState(String sweepId, String parentRunId, String configFingerprint, boolean finished) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The state file of the sweep whose trial store is {@code store}. */
    public static Path file(TrialStore store) {
        return store.directory().resolveSibling("sweep.json");
    }

    /** The recorded state of the sweep of {@code store}, if one was started. */
    public static Optional<SweepState> read(TrialStore store) throws IOException {
        Path file = file(store);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SweepState.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid sweep state (" + e.getOriginalMessage()
                    + "); delete it to start a new parent run and results folder (finished paths are kept)", e);
        }
    }

    /** Records this state atomically. */
    public void write(TrialStore store) throws IOException {
        byte[] json = JSON.writeValueAsBytes(this);
        AtomicFiles.write(file(store), out -> {
            out.write(json);
            out.write('\n');
        });
    }

    /** This state, finished. */
    public SweepState asFinished() {
        return new SweepState(sweepId, parentRunId, configFingerprint, true);
    }
}
