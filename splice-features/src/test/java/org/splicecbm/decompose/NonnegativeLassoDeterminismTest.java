package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.splicecbm.store.CsrMatrix;

/** Bit-identical results for repeated runs, any batch split, any thread count, any product size. */
class NonnegativeLassoDeterminismTest {
    private static final ClipLikeProblem PROBLEM = ClipLikeProblem.generate(3000, 128, 75, 8, 1.0, 21);
    private static final double L1 = 0.2;

    @Test
    void repeatedSplitAndThreadedSolvesAgreeBitForBit() {
        CsrMatrix whole;
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, SolverOptions.defaults().withThreads(2))) {
            whole = solver.solve(PROBLEM.targets, L1).weights();
            assertSameRows(whole, 0, solver.solve(PROBLEM.targets, L1).weights(), 0, PROBLEM.targets.length);
            // uneven splits, including single rows (which the engine would run with a different GEMM kernel
            // if they were not padded)
            int[] cuts = {0, 1, 2, 9, 40, 75};
            for (int c = 0; c + 1 < cuts.length; c++) {
                float[][] part = Arrays.copyOfRange(PROBLEM.targets, cuts[c], cuts[c + 1]);
                assertSameRows(whole, cuts[c], solver.solve(part, L1).weights(), 0, part.length);
            }
        }
        SolverOptions other = SolverOptions.defaults().withThreads(1).withProductBlockRows(32);
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, other)) {
            assertSameRows(whole, 0, solver.solve(PROBLEM.targets, L1).weights(), 0, PROBLEM.targets.length);
        }
    }

    private static void assertSameRows(CsrMatrix expected, int expectedStart, CsrMatrix actual, int actualStart, int rows) {
        for (int r = 0; r < rows; r++) {
            int e = expectedStart + r;
            int a = actualStart + r;
            assertEquals(expected.rowNnz(e), actual.rowNnz(a), "support size of row " + e);
            int[] expectedColumns = Arrays.copyOfRange(expected.indices(), (int) expected.indptr()[e], (int) expected.indptr()[e + 1]);
            int[] actualColumns = Arrays.copyOfRange(actual.indices(), (int) actual.indptr()[a], (int) actual.indptr()[a + 1]);
            assertArrayEquals(expectedColumns, actualColumns, "support of row " + e);
            float[] expectedValues = Arrays.copyOfRange(expected.data(), (int) expected.indptr()[e], (int) expected.indptr()[e + 1]);
            float[] actualValues = Arrays.copyOfRange(actual.data(), (int) actual.indptr()[a], (int) actual.indptr()[a + 1]);
            for (int k = 0; k < expectedValues.length; k++) {
                assertEquals(Float.floatToIntBits(expectedValues[k]), Float.floatToIntBits(actualValues[k]),
                        "bits of weight " + k + " in row " + e);
            }
        }
    }
}
