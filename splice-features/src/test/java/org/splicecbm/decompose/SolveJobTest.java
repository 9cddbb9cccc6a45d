package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.CsrNpz;
import org.splicecbm.store.Npy;

/** {@code splice solve}'s library: one file per l1 of a path, the same weights as single solves. */
class SolveJobTest {
    private static final ClipLikeProblem PROBLEM = ClipLikeProblem.generate(300, 32, 23, 5, 0.8, 9);

    @TempDir
    Path dir;

    @Test
    void pathWritesOneFilePerValueEqualToSingleSolves() throws IOException {
        write();
        List<SolveJob.Summary> summaries = job(List.of(0.05, 0.1, 0.2), dir.resolve("W.npz")).run();
        assertEquals(List.of("W-l1_0.05.npz", "W-l1_0.1.npz", "W-l1_0.2.npz"),
                summaries.stream().map(s -> s.file().getFileName().toString()).toList());
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, SolverOptions.defaults())) {
            for (SolveJob.Summary s : summaries) {
                CsrMatrix written = CsrNpz.read(s.file());
                NonnegativeLassoPathTest.assertSameSolution(solver.solve(PROBLEM.targets, s.l1()).weights(), written,
                        1e-6, "l1=" + s.l1());
                assertEquals(23, s.rows());
            }
        }
    }

    @Test
    void oneValueKeepsTheOutputNameAndWritesDenseNpy() throws IOException {
        write();
        builder(List.of(0.2), dir.resolve("W.npy")).blockRows(7).build().run();
        float[][] w = Npy.readFloatMatrix(dir.resolve("W.npy"));
        assertEquals(23, w.length);
        assertEquals(300, w[0].length);
    }

    @Test
    void repeatedValueIsRejectedBeforeAnyFileIsWritten() throws IOException {
        write();
        var e = assertThrows(IllegalArgumentException.class, () -> job(List.of(0.1, 0.10), dir.resolve("W.npz")).run());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("W")), "no partial output");
        }
    }

    private void write() throws IOException {
        Npy.writeFloat32(dir.resolve("C.npy"), PROBLEM.dictionary, 32);
        Npy.writeFloat32(dir.resolve("Z.npy"), PROBLEM.targets, 32);
    }

    private SolveJob job(List<Double> l1, Path out) {
        return builder(l1, out).build();
    }

    private SolveJob.Builder builder(List<Double> l1, Path out) {
        return SolveJob.builder().dictionary(dir.resolve("C.npy")).targets(dir.resolve("Z.npy")).l1(l1).out(out)
                .options(SolverOptions.defaults().withThreads(2));
    }
}
