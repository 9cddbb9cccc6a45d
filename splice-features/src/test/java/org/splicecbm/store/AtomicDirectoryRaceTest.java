package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of the same directory at once (two runs sharing one {@code output:} writing the same feature set): both
 * succeed (before, a writer could fail when another swapped its directory in between its renames), the last complete
 * directory wins, it is one writer's whole directory, and no temporary sibling is left.
 */
class AtomicDirectoryRaceTest {
    @Test
    void concurrentWritersOfOneDirectoryAllSucceedAndNeverMix(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("features/train");
        List<CompletableFuture<Void>> writers = IntStream.range(0, 4).mapToObj(w -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 60; i++) {
                String id = w + "-" + i;
                AtomicFiles.writeUnchecked(dir.resolve("unused-" + w), out -> { }); // keeps the writers interleaved
                try {
                    AtomicDirectory.write(target, tmp -> {
                        Files.writeString(tmp.resolve("a.txt"), id);
                        Files.writeString(tmp.resolve("b.txt"), id);
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        })).toList();
        for (CompletableFuture<Void> w : writers) {
            w.join();
        }
        assertEquals(Files.readString(target.resolve("a.txt")), Files.readString(target.resolve("b.txt")));
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of("train"), left.map(p -> p.getFileName().toString()).toList(), "no temporary sibling is left");
        }
    }
}
