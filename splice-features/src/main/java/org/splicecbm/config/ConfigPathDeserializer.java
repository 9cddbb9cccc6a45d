package org.splicecbm.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a path value: {@code ~} expands to the user's home; relative paths resolve against the config's folder. */
public final class ConfigPathDeserializer extends JsonDeserializer<Path> {
    private final Path baseDir;

    ConfigPathDeserializer(Path baseDir) {
        this.baseDir = baseDir;
    }

    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Path) ctxt.handleUnexpectedToken(Path.class, p);
        }
        return resolve(baseDir, p.getText());
    }

    /** Expands {@code ~} and resolves {@code text} against {@code baseDir}. */
    public static Path resolve(Path baseDir, String text) {
        String t = text.trim();
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        Path path = Path.of(t);
        return (path.isAbsolute() ? path : baseDir.resolve(path)).normalize();
    }
}
