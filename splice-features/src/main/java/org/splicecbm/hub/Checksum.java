package org.splicecbm.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An expected digest of a downloaded file: algorithm {@code SHA-256} or {@code MD5}, lower-case hex. */
public record Checksum(String algorithm, String hex) {

    public Checksum {
        if (!algorithm.equals("SHA-256") && !algorithm.equals("MD5")) {
            throw new IllegalArgumentException("checksum algorithm must be SHA-256 or MD5, found " + algorithm);
        }
        hex = hex.toLowerCase(Locale.ROOT);
        int digits = algorithm.equals("SHA-256") ? 64 : 32;
        if (!hex.matches("[0-9a-f]{" + digits + "}")) {
            throw new IllegalArgumentException(algorithm + " checksum must be " + digits + " hex digits, found \"" + hex + "\"");
        }
    }

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** The digest of {@code file} with this checksum's algorithm, as lower-case hex. */
    public String digestOf(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code file} has this digest. */
    public boolean matches(Path file) throws IOException {
        return digestOf(file).equals(hex);
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
