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
 * The finished trials of a sweep, one JSON file per trial named by its point ({@code <key>.json}),
 * each written atomically as soon as the trial ends: an interrupted sweep loses at most the trial that
 * was running, and a rerun skips every trial whose stored config fingerprint still matches.
 */
public final class TrialStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public TrialStore(Path dir) {
        this.dir = dir;
    }

    /** The stored result of this trial, if it finished before with the same resolved config. */
    public Optional<TrialResult> completed(Trial trial) throws IOException {
        Path file = file(trial.params());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        TrialResult stored;
        try {
            stored = JSON.readValue(file.toFile(), TrialResult.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid trial result (" + e.getOriginalMessage()
                    + "); delete the file to run that trial again", e);
        }
        return stored.params().equals(trial.params()) && stored.fingerprint().equals(trial.fingerprint())
                ? Optional.of(stored) : Optional.empty();
    }

    /** Records a finished trial (atomically, replacing a stale result of the same point). */
    public void save(TrialResult result) throws IOException {
        byte[] json = JSON.writeValueAsBytes(result);
        AtomicFiles.write(file(result.params()), out -> {
            out.write(json);
            out.write('\n');
        });
    }

    private Path file(TrialParams params) {
        return dir.resolve(params.key() + ".json");
    }
}
