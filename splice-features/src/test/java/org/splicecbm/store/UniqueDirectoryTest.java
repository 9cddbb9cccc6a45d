package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniqueDirectoryTest {

    @Test
    void runsStartedAtOnceWithTheSameNameGetSeparateFolders(@TempDir Path dir) throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Path>> claimed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                claimed.add(pool.submit(() -> {
                    start.await();
                    return UniqueDirectory.claim(dir, "tiny-20261129-131500");
                }));
            }
            start.countDown();
            HashSet<Path> distinct = new HashSet<>();
            for (Future<Path> f : claimed) {
                distinct.add(f.get());
            }
            assertEquals(runs, distinct.size(), "every run has its own folder: " + distinct);
            assertTrue(distinct.contains(dir.resolve("tiny-20261129-131500")));
            assertTrue(distinct.contains(dir.resolve("tiny-20261129-131500-" + runs)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExistingFolderIsNeverReused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("r/model"));
        assertEquals(dir.resolve("r-2"), UniqueDirectory.claim(dir, "r"));
        assertEquals(List.of(), Files.list(dir.resolve("r-2")).toList(), "a claimed folder is empty");
    }
}
