package org.splicecbm.tracking;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.splicecbm.store.AtomicFiles;

/** Reads and writes the {@code meta.yaml} files of MLflow's file store. */
final class MlflowYaml {
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private MlflowYaml() {}

    static Map<String, Object> read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), new TypeReference<>() {});
    }

    static void write(Path file, Map<String, Object> values) throws IOException {
        String text = MAPPER.writeValueAsString(values);
        AtomicFiles.writeString(file, text);
    }
}
