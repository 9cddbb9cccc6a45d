package org.splicecbm.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Builds {@link DatasetConfig}s from YAML the way the config loader binds them (snake_case keys). */
final class TestConfigs {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TestConfigs() {}

    /** {@code root} is set from the argument; {@code yaml} holds the other keys. */
    static DatasetConfig dataset(Path root, String yaml) {
        try {
            return YAML.readValue("root: '" + root + "'\n" + yaml, DatasetConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
