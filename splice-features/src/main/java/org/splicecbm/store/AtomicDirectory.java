package org.splicecbm.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a directory of files as one unit: the files go into a temporary sibling directory, which
 * is renamed to the target only after every file was written. A failure mid-way deletes the
 * temporary directory, so a reader finds either no directory, the previous one, or the complete new
 * one, never a half-written one. An existing target is moved aside first and deleted after the swap
 * (between those two renames the target is briefly absent; it is never partial). The directory
 * gets the permissions the user's umask gives new directories.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    private static final int MAX_SWAP_ATTEMPTS = 50;

    /** Fills a directory; receives the temporary directory to write into. */
    @FunctionalInterface
    public interface Body {
        void writeInto(Path tempDir) throws IOException;
    }

    /** Writes {@code target} atomically via {@code body}. */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createDirectory(AtomicFiles.temporarySibling(absolute, ".tmp"));
        try {
            body.writeInto(tmp);
            swapIn(tmp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteRecursively(tmp);
            throw e;
        }
    }

    /**
     * Another process writing the same directory (two runs sharing one {@code output:}) can swap its own complete
     * directory in between our steps: then the target vanishes before we move it aside, or reappears before we
     * rename ours in. Each swap is whole, so trying again is safe; the last complete directory wins.
     */
    private static void swapIn(Path tmp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                swapOnce(tmp, target);
                return;
            } catch (java.nio.file.FileSystemException raced) {
                if (!lostARace(raced) || attempt >= MAX_SWAP_ATTEMPTS || !Files.isDirectory(tmp)) {
                    throw raced;
                }
            }
        }
    }

    /** The target vanished or reappeared under us (rename(2) reports ENOTEMPTY as a plain FileSystemException). */
    private static boolean lostARace(java.nio.file.FileSystemException e) {
        return e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.DirectoryNotEmptyException
                || e instanceof java.nio.file.FileAlreadyExistsException || "Directory not empty".equals(e.getReason());
    }

    private static void swapOnce(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            AtomicFiles.moveIntoPlace(tmp, target);
            return;
        }
        Path old = AtomicFiles.temporarySibling(target, ".old");
        try {
            Files.move(target, old);
            AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
            deleteRecursively(old);
        }
    }

    /** Deletes a file tree if it exists. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
