package org.splicecbm.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Checks, before any work, that an output path can be written, and reports a bad one under the flag or config key
 * the user gave ({@code --out}, {@code output}), naming that path. Without it the failure would surface at the end of
 * the work, naming the hidden temporary sibling that {@link AtomicFiles} writes first.
 */
public final class OutputTarget {
    private OutputTarget() {}

    /** {@code file} is to be (re)written: it must not be a folder, and its folder must be writable if it exists. */
    public static Path requireWritableFile(String argument, Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw InvalidArgumentException.invalid(argument, "be a file path (the output is written there)",
                    absolute + ", which is a folder");
        }
        requireWritableAncestor(argument, absolute.getParent(), absolute);
        return file;
    }

    /** {@code folder} receives outputs: it must be a folder (or not exist yet) that can be written. */
    public static Path requireWritableFolder(String argument, Path folder) {
        Path absolute = folder.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw InvalidArgumentException.invalid(argument, "be a folder for the outputs", absolute + ", which is a file");
        }
        requireWritableAncestor(argument, absolute, absolute);
        return folder;
    }

    /** The nearest existing folder at or above {@code dir} is where new files or folders get created: it must be writable. */
    private static void requireWritableAncestor(String argument, Path dir, Path target) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw InvalidArgumentException.invalid(argument, "be writable", target + ": cannot write into " + existing
                    + " (read-only or not yours); choose another path or fix its permissions");
        }
    }
}
