package org.splicecbm.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A config whose string values may name files (a model folder, a vocabulary file) next to names
 * (`laion`, `open_clip:ViT-B-32`): {@link ConfigLoader} gives it the config file's folder so such paths
 * resolve against it, like every {@link Path} value does.
 */
public interface RelativePaths<T> {
    /** This config with relative file references resolved against {@code baseDir}. */
    T resolvedAgainst(Path baseDir);

    /** {@code value} resolved against {@code baseDir} when it names an existing relative file or folder there; else unchanged. */
    static String resolveIfFile(Path baseDir, String value) {
        if (value == null || value.contains(":") || value.isBlank()) {
            return value;
        }
        Path expanded = ConfigPathDeserializer.resolve(baseDir, value);
        boolean explicit = value.startsWith("~") || value.startsWith("./") || value.startsWith("../") || value.startsWith("/");
        return Files.exists(expanded) || explicit ? expanded.toString() : value;
    }
}
