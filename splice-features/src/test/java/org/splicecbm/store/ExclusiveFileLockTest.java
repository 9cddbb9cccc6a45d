package org.splicecbm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder at a time (another thread of this JVM is refused like another process), who names itself. */
class ExclusiveFileLockTest {

    @Test
    void aSecondHolderIsRefusedUntilTheFirstCloses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/x.lock");
        assertEquals("holder unknown", ExclusiveFileLock.holder(file), "no file yet");
        try (ExclusiveFileLock first = ExclusiveFileLock.tryAcquire(file).orElseThrow()) {
            assertTrue(ExclusiveFileLock.tryAcquire(file).isEmpty(), "held by this JVM: refused");
            String holder = ExclusiveFileLock.holder(file);
            assertTrue(holder.startsWith("pid " + ProcessHandle.current().pid() + " since "), holder);
        }
        Optional<ExclusiveFileLock> again = ExclusiveFileLock.tryAcquire(file);
        assertTrue(again.isPresent(), "free after close");
        again.get().close();
        assertTrue(Files.exists(file), "the lock file stays");
    }
}
