package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs get the permissions of the user's umask, as files made with any other tool would (a colleague
 * or a separately started {@code mlflow ui} can read them). A JVM cannot change its own umask, so each
 * case runs the writers in a child JVM started from a shell with that umask.
 */
class OutputPermissionsTest {

    /** Writes one of everything: an atomic file, an atomic directory, a streamed .npy and a claimed run folder. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        AtomicFiles.writeString(out.resolve("file.txt"), "x");
        AtomicDirectory.write(out.resolve("set"), tmp -> AtomicFiles.writeString(tmp.resolve("inner.txt"), "y"));
        AtomicDirectory.write(out.resolve("set"), tmp -> AtomicFiles.writeString(tmp.resolve("inner.txt"), "z"));
        try (NpyMatrixWriter w = NpyMatrixWriter.open(out.resolve("m.npy"), 2)) {
            w.append(new float[][] {{1, 2}});
            w.commit();
        }
        UniqueDirectory.claim(out.resolve("runs"), "run");
    }

    @ParameterizedTest
    @CsvSource({"022, rw-r--r--, rwxr-xr-x", "027, rw-r-----, rwxr-x---"})
    void filesAndFoldersFollowTheUmask(String umask, String filePerms, String dirPerms, @TempDir Path dir)
            throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("sh", "-c", "umask " + umask + " && exec \"$0\" -cp \"$1\" " + getClass().getName() + " \"$2\"",
                java, System.getProperty("java.class.path"), out.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child JVM finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));

        for (Path f : List.of(out.resolve("file.txt"), out.resolve("set/inner.txt"), out.resolve("m.npy"))) {
            assertEquals(filePerms, perms(f), f.toString());
        }
        for (Path d : List.of(out, out.resolve("set"), out.resolve("runs/run"))) {
            assertEquals(dirPerms, perms(d), d.toString());
        }
        try (var left = Files.list(out)) {
            assertEquals(List.of("file.txt", "m.npy", "runs", "set"), left.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary files are left");
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
