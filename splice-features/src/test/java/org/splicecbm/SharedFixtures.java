package org.splicecbm;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared fixture folder for tests (SpLiCE's published data, CLIP fixtures): the
 * {@code splicecbm.shared} system property (set by the build), else a {@code shared/} folder in a parent.
 */
public final class SharedFixtures {
    private SharedFixtures() {}

    /** The shared folder itself, normalised. */
    public static Path root() {
        String configured = System.getProperty("splicecbm.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "splice-data"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("splice-data"))) {
                return dir.resolve("shared");
            }
        }
        throw new IllegalStateException("shared data folder not found: set -Dsplicecbm.shared=<folder holding splice-data>");
    }

    /** SpLiCE's published vocabularies and image means ({@code shared/splice-data}). */
    public static Path spliceData() {
        return root().resolve("splice-data");
    }
}
