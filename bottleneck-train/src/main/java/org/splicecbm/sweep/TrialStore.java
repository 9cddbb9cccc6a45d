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
 * The finished paths of a sweep, one JSON file per feature point ({@code <key>.json}, every probe penalty's
 * result in it), each written atomically as soon as the path ends: an interrupted sweep loses at most the
 * path that was running, and a rerun skips every path whose stored config fingerprint still matches.
 */
public final class TrialStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public TrialStore(Path dir) {
        this.dir = dir;
    }

    /** The store's folder (it also holds the sweep's {@link SweepState}). */
    public Path directory() {
        return dir;
    }

    /** The stored path of this trial, if it finished before with the same resolved config. */
    public Optional<PathOutcome> completed(Trial trial) throws IOException {
        Path file = file(trial.point());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        PathOutcome stored;
        try {
            stored = JSON.readValue(file.toFile(), PathOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid stored path (" + e.getOriginalMessage()
                    + "); delete the file to run that path again", e);
        }
        return stored.point().equals(trial.point()) && stored.fingerprint().equals(trial.fingerprint())
                ? Optional.of(stored) : Optional.empty();
    }

    /** Records a finished path (atomically, replacing a stale result of the same point). */
    public void save(PathOutcome result) throws IOException {
        byte[] json = JSON.writeValueAsBytes(result);
        AtomicFiles.write(file(result.point()), out -> {
            out.write(json);
            out.write('\n');
        });
    }

    private Path file(FeaturePoint point) {
        return dir.resolve(point.key() + ".json");
    }
}
