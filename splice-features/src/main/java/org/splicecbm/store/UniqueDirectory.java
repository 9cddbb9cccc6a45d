package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Claims a new, empty directory that no other run shares: {@code <parent>/<name>}, or
 * {@code <name>-2}, {@code <name>-3} ... when that is taken. {@code mkdir} is atomic on every file
 * system, so two processes started in the same second (run folders are named after the second) get
 * two folders instead of writing the model of one and the report of the other into one.
 */
public final class UniqueDirectory {
    /** Far more than any number of runs started in one second; a bound so a broken file system cannot loop forever. */
    private static final int MAX_ATTEMPTS = 10_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private UniqueDirectory() {}

    /** As {@link #claim}, named {@code <prefix>-<yyyyMMdd-HHmmss>} after the local time: a run, sweep or path folder. */
    public static Path claimStamped(Path parent, String prefix) throws IOException {
        return claim(parent, prefix + "-" + LocalDateTime.now().format(STAMP));
    }

    /** Creates and returns the first free directory among {@code name}, {@code name-2}, {@code name-3}, ... */
    public static Path claim(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            Path candidate = parent.resolve(n == 1 ? name : name + "-" + n);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another run has it; try the next suffix
            }
        }
        throw new IOException("could not create a new folder " + name + "[-N] in " + parent + " after " + MAX_ATTEMPTS
                + " attempts; remove old folders there");
    }
}
