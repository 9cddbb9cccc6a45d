package org.splicecbm.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.splicecbm.store.AtomicFiles;

/**
 * The Hugging Face hub cache layout, shared with Python's huggingface_hub:
 * {@code models--{org}--{name}/blobs/{etag}} holds the content, {@code snapshots/{commit}/{filename}} is a
 * relative symbolic link to the blob (a copy where links are not allowed), {@code refs/{revision}} holds the
 * commit hash a branch or tag resolved to, and {@code .locks/models--{org}--{name}/{etag}.lock} serialises
 * concurrent downloads of one blob.
 */
final class HubCache {
    private static final ConcurrentHashMap<Path, Object> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();
    private final Path root;

    HubCache(Path root) {
        this.root = root.toAbsolutePath();
    }

    Path root() {
        return root;
    }

    Path repoFolder(String repoId) {
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    /** The commit a revision is known to resolve to: itself for a commit hash, else the cached ref. */
    Optional<String> commitFor(String repoId, String revision) throws IOException {
        if (isCommitHash(revision)) {
            return Optional.of(revision);
        }
        Path ref = repoFolder(repoId).resolve("refs").resolve(revision);
        return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref).trim()) : Optional.empty();
    }

    void writeRef(String repoId, String revision, String commit) throws IOException {
        if (!revision.equals(commit)) {
            Path ref = repoFolder(repoId).resolve("refs").resolve(revision);
            if (!commitFor(repoId, revision).equals(Optional.of(commit))) {
                AtomicFiles.writeString(ref, commit);
            }
        }
    }

    Path snapshotFile(String repoId, String commit, String filename) {
        return repoFolder(repoId).resolve("snapshots").resolve(commit).resolve(filename);
    }

    Path blob(String repoId, String etag) {
        return repoFolder(repoId).resolve("blobs").resolve(etag);
    }

    /** Points {@code pointer} at {@code blob} with a relative symbolic link, or copies it where links fail. */
    void link(Path blob, Path pointer) throws IOException {
        Files.createDirectories(pointer.getParent());
        // a unique temporary name: two threads linking the same file must not collide (and fall back to a copy)
        Path tmp = pointer.resolveSibling("." + pointer.getFileName() + "." + java.util.UUID.randomUUID() + ".linking");
        try {
            Files.createSymbolicLink(tmp, pointer.getParent().relativize(blob));
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING); // file systems without symbolic links
        }
        try {
            AtomicFiles.moveIntoPlace(tmp, pointer);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Runs {@code work} holding the lock for one blob, against other threads and other processes. */
    <T> T withBlobLock(String repoId, String etag, LockedWork<T> work) throws IOException {
        Path lock = root.resolve(".locks").resolve(repoFolder(repoId).getFileName()).resolve(etag + ".lock");
        Files.createDirectories(lock.getParent());
        synchronized (IN_PROCESS_LOCKS.computeIfAbsent(lock, k -> new Object())) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        }
    }

    /** Work done under a blob lock. */
    @FunctionalInterface
    interface LockedWork<T> {
        T run() throws IOException;
    }

    static boolean isCommitHash(String revision) {
        return revision.matches("[0-9a-f]{40}");
    }
}
