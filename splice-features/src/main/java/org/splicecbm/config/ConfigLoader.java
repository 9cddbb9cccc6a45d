package org.splicecbm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Reads YAML experiment configs into validated records (Tribuo-style: a config that constructs is
 * a config that is valid). Keys are snake_case; unknown keys and wrong types are errors; every
 * error names the file, line and key. Relative paths resolve against the config file's folder and
 * {@code ~} expands to the home directory.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /** Reads and validates {@code file} as {@code type} (usually {@link RunConfig}). */
    public static <T> T load(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config", file.toString(), "not found (file does not exist); pass the path of a YAML config (see configs/)");
        } catch (IOException e) {
            throw new ConfigException("config", file.toString(), "cannot read: " + e.getMessage());
        }
        if (YamlProblems.isEmpty(text)) {
            throw YamlProblems.empty(file);
        }
        Path baseDir = file.toAbsolutePath().getParent();
        try {
            T config = mapper(baseDir).readValue(text, type);
            return config instanceof RelativePaths<?> relative ? type.cast(relative.resolvedAgainst(baseDir)) : config;
        } catch (JsonProcessingException e) {
            throw located(file, text, e);
        }
    }

    /** Writes the resolved config as YAML, atomically, so a run can be reproduced from its output folder. */
    public static void save(Object config, Path file) throws IOException {
        String yaml = mapper(file.toAbsolutePath().getParent()).writeValueAsString(config);
        AtomicFiles.writeString(file, yaml);
    }

    /** The config as a YAML string (used to log it as a run artifact). */
    public static String toYaml(Object config) {
        try {
            return mapper(Path.of(".")).writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config could not be serialised: " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper(Path baseDir) {
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        SimpleModule paths = new SimpleModule("splice-paths");
        paths.addDeserializer(Path.class, new ConfigPathDeserializer(baseDir));
        paths.addSerializer(Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer());
        return JsonMapper.builder(yaml)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .addModule(paths)
                .build();
    }

    /** Turns Jackson's exception into {@code file:line: key: what must hold}. */
    static ConfigException located(Path file, String text, JsonProcessingException e) {
        ConfigException tab = YamlProblems.tab(file, text, e);
        if (tab != null) {
            return tab;
        }
        String path = e instanceof JsonMappingException m ? keyPath(m) : "";
        String wrongType = YamlProblems.wrongType(e, text, path);
        InvalidArgumentException cause = findArgumentError(e);
        String key;
        String detail;
        if (cause != null) {
            // Rules checked inside nested records may know only their local key (e.g. "fraction"): prefix the path.
            key = cause.key().contains(".") || path.isEmpty() || path.endsWith(cause.key()) ? cause.key() : path + "." + cause.key();
            detail = cause.detail();
        } else if (e instanceof UnrecognizedPropertyException u) {
            key = path;
            detail = "unknown key '" + u.getPropertyName() + "'; valid keys here: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        } else if (wrongType != null && !path.isEmpty()) {
            key = path;
            detail = wrongType;
        } else {
            key = path.isEmpty() ? "config" : path;
            detail = e.getOriginalMessage();
        }
        int line = YamlKeyLocator.line(text, key);
        if (line < 0 && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
        }
        return new ConfigException(key, file + (line > 0 ? ":" + line : ""), detail);
    }

    private static String keyPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The library's own rule, when one of the section records rejected a value. */
    private static InvalidArgumentException findArgumentError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArgumentException c) {
                return c;
            }
        }
        return null;
    }
}
