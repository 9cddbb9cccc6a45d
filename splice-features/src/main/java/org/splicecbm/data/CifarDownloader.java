package org.splicecbm.data;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes an official CIFAR archive available under a root folder: fetches {@code <base>/<archive>},
 * checks the published MD5 (a mismatch deletes the download, extracts nothing and names the file,
 * the expected and the found checksum), extracts it atomically, then deletes the archive.
 */
final class CifarDownloader {
    /** Where Krizhevsky publishes the archives; {@code dataset.url} or {@code CIFAR_URL} override it. */
    static final String DEFAULT_BASE = "https://www.cs.toronto.edu/~kriz/";

    private final String base;
    private final ArchiveFetcher fetcher;

    CifarDownloader(String base, ArchiveFetcher fetcher) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.fetcher = fetcher;
    }

    /** Ensures the extracted batches exist under {@code root}; returns their folder. */
    Path ensure(Path root, CifarArchive layout) throws IOException {
        Path present = CifarReader.locate(root, layout);
        if (present != null) {
            return present;
        }
        Files.createDirectories(root);
        Path archive = root.resolve(layout.archiveName());
        URI uri = URI.create(base + layout.archiveName());
        fetcher.fetch(uri, archive);
        String found = md5(archive);
        if (!found.equalsIgnoreCase(layout.md5())) {
            Files.deleteIfExists(archive);
            throw new IOException(layout.archiveName() + " downloaded from " + uri + " has MD5 " + found
                    + " but the published MD5 is " + layout.md5() + "; the download is corrupt or the server"
                    + " (dataset.url / CIFAR_URL) serves another file. Deleted it and extracted nothing; retry or fix the URL");
        }
        TarGzExtractor.extract(archive, root, layout.directory());
        Files.delete(archive);
        return root.resolve(layout.directory());
    }

    static String md5(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
