package org.splicecbm.torch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's shared data folder for tests: the {@code splicecbm.shared} property, else a parent's {@code shared/}. */
final class SharedFolder {
    private SharedFolder() {}

    static Path resolve() {
        String configured = System.getProperty("splicecbm.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "splice-data"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("splice-data"))) {
                return dir.resolve("shared");
            }
        }
        throw new IllegalStateException("shared data folder not found: set -Dsplicecbm.shared=<folder holding splice-data>");
    }
}
