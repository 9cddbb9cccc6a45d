package org.splicecbm.data;

import java.io.BufferedInputStream;
import org.splicecbm.store.AtomicDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.splicecbm.store.AtomicFiles;

/**
 * Extracts one top-level folder of a {@code .tar.gz} atomically: everything is written to a hidden
 * temporary folder beside the target and renamed into place only when the whole archive was read,
 * so a failed extraction leaves nothing behind. Entries that would land outside the folder
 * ({@code ..}, absolute paths) and links are refused.
 */
final class TarGzExtractor {
    private TarGzExtractor() {}

    /** Extracts {@code archive} and moves its top-level folder {@code folder} to {@code root/folder}. */
    static void extract(Path archive, Path root, String folder) throws IOException {
        Path staging = Files.createDirectory(org.splicecbm.store.AtomicFiles.temporarySibling(root.resolve(folder), ".extract"));
        try {
            unpack(archive, staging);
            Path extracted = staging.resolve(folder);
            if (!Files.isDirectory(extracted)) {
                throw new IOException(archive + " has no top-level folder " + folder + "; it is not the expected archive");
            }
            AtomicFiles.moveIntoPlace(extracted, root.resolve(folder));
        } finally {
            AtomicDirectory.deleteRecursively(staging);
        }
    }

    private static void unpack(Path archive, Path staging) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging) || target.equals(staging) && !entry.isDirectory()) {
                    throw new IOException(archive + ": entry " + entry.getName() + " points outside the archive folder; refusing it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                } else {
                    throw new IOException(archive + ": entry " + entry.getName() + " is a link or device; refusing it");
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot extract " + archive + ": " + e.getMessage(), e);
        }
    }
}
