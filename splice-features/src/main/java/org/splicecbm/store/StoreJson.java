package org.splicecbm.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON mapping of the store's metadata files: snake_case keys, indented, trailing newline. */
final class StoreJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoreJson() {}

    static void write(Path file, Object value) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(value);
        AtomicFiles.write(file, out -> {
            out.write(json);
            out.write('\n');
        });
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IOException(file + ": not valid " + type.getSimpleName() + " JSON: " + e.getMessage(), e);
        }
    }

    static String toString(Object value) throws IOException {
        return new String(MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }
}
