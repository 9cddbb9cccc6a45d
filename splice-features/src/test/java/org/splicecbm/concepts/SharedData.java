package org.splicecbm.concepts;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixture folder ({@code splicecbm.shared} property, else a parent's {@code shared/}) and SpLiCE's data in it. */
final class SharedData {
    private SharedData() {}

    static Path spliceData() {
        String configured = System.getProperty("splicecbm.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "splice-data"))) {
            return Path.of(configured, "splice-data");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("splice-data"))) {
                return dir.resolve("shared").resolve("splice-data");
            }
        }
        throw new IllegalStateException("shared data folder not found: set -Dsplicecbm.shared=<folder holding splice-data>");
    }
}
