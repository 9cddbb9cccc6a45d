package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.store.CsrMatrix;

/** An l1 path equals independent single solves at each value, for both ways of refreshing correlations. */
class NonnegativeLassoPathTest {
    private static final ClipLikeProblem PROBLEM = ClipLikeProblem.generate(2000, 96, 40, 8, 1.0, 17);
    private static final List<Double> PATH = List.of(0.2, 0.05, 0.35, 0.1, 0.2);

    @Test
    void pathWithGramMatrixEqualsIndependentSolves() {
        SolverOptions options = SolverOptions.defaults().withThreads(2);
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, options)) {
            assertTrue(solver.usesGramMatrix(), "2,000 concepts fit the default Gram budget");
            checkPath(solver);
        }
    }

    @Test
    void pathWithResidualProductsEqualsIndependentSolves() {
        SolverOptions options = SolverOptions.defaults().withThreads(2).withGramBudgetBytes(0);
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, options)) {
            assertTrue(!solver.usesGramMatrix());
            checkPath(solver);
        }
    }

    @Test
    void gramAndProductSolversAgreeWithinTheCertificate() {
        CsrMatrix gram;
        CsrMatrix products;
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, SolverOptions.defaults())) {
            gram = solver.solve(PROBLEM.targets, 0.15).weights();
            assertEquals(PROBLEM.targets.length, solver.solve(PROBLEM.targets, 0.15).stats().productRows(),
                    "with the Gram matrix every target is multiplied with the dictionary exactly once");
        }
        SolverOptions noGram = SolverOptions.defaults().withThreads(1).withGramBudgetBytes(0);
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, noGram)) {
            products = solver.solve(PROBLEM.targets, 0.15).weights();
        }
        assertSameSolution(products, gram, 1e-6, "Gram vs residual products");
    }

    @Test
    void badPathsAreRejectedBeforeAnyWork() {
        try (NonnegativeLasso solver = new NonnegativeLasso(PROBLEM.dictionary, SolverOptions.defaults())) {
            var empty = assertThrows(IllegalArgumentException.class, () -> solver.solvePath(PROBLEM.targets, List.of()));
            assertTrue(empty.getMessage().contains("at least one l1"), empty.getMessage());
            var negative = assertThrows(IllegalArgumentException.class,
                    () -> solver.solvePath(PROBLEM.targets, List.of(0.1, -0.2)));
            assertTrue(negative.getMessage().contains("-0.2"), negative.getMessage());
        }
    }

    private static void checkPath(NonnegativeLasso solver) {
        List<LassoResult> path = solver.solvePath(PROBLEM.targets, PATH);
        assertEquals(PATH.size(), path.size());
        long pathProducts = 0;
        long singleProducts = 0;
        for (int v = 0; v < PATH.size(); v++) {
            LassoResult single = solver.solve(PROBLEM.targets, PATH.get(v));
            assertSameSolution(single.weights(), path.get(v).weights(), 1e-6, "l1=" + PATH.get(v));
            for (int i = 0; i < PROBLEM.targets.length; i++) {
                assertTrue(path.get(v).dualityGap()[i] <= 1e-7 * path.get(v).objective()[i], "certified gap, row " + i);
                assertEquals(single.objective()[i], path.get(v).objective()[i], 1e-9 * single.objective()[i]);
            }
            pathProducts += path.get(v).stats().productRows();
            singleProducts += single.stats().productRows();
        }
        assertTrue(pathProducts < singleProducts, "the path must multiply fewer rows with the dictionary ("
                + pathProducts + ") than independent solves (" + singleProducts + ")");
    }

    static void assertSameSolution(CsrMatrix expected, CsrMatrix actual, double tolerance, String what) {
        for (int i = 0; i < expected.rows(); i++) {
            int[] e = Arrays.copyOfRange(expected.indices(), (int) expected.indptr()[i], (int) expected.indptr()[i + 1]);
            int[] a = Arrays.copyOfRange(actual.indices(), (int) actual.indptr()[i], (int) actual.indptr()[i + 1]);
            assertArrayEquals(e, a, what + ": support of row " + i);
            for (long p = expected.indptr()[i]; p < expected.indptr()[i + 1]; p++) {
                assertEquals(expected.data()[(int) p], actual.data()[(int) p], tolerance, what + ": weight in row " + i);
            }
        }
    }
}
