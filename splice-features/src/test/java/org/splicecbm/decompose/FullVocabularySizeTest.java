package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The solver at the size of SpLiCE's full laion vocabulary (37,445 concepts, d = 512), where the Gram
 * matrix (2.8 GB as 16-bit fixed point) exceeds the default budget and rounds use residual products: every row of an l1
 * path is KKT-optimal, certified, and equal to its single solve.
 */
class FullVocabularySizeTest {
    private static final int LAION_WORDS = 37_445;

    @Test
    @Tag("heavy")
    void fullLaionSizedDictionaryAlongAPath() {
        ClipLikeProblem p = ClipLikeProblem.generate(LAION_WORDS, 512, 4, 10, 1.0, 8);
        List<Double> path = List.of(0.25, 0.1);
        try (NonnegativeLasso solver = new NonnegativeLasso(p.dictionary, SolverOptions.defaults().withThreads(2))) {
            assertFalse(solver.usesGramMatrix(), "2.8 GB of Gram matrix must not fit the default 1 GiB budget");
            List<LassoResult> results = solver.solvePath(p.targets, path);
            for (int v = 0; v < path.size(); v++) {
                LassoResult single = solver.solve(p.targets, path.get(v));
                NonnegativeLassoPathTest.assertSameSolution(single.weights(), results.get(v).weights(), 1e-6,
                        "l1=" + path.get(v));
                for (int i = 0; i < p.targets.length; i++) {
                    LassoAssertions.assertOptimal(p.dictionary, p.targets[i], results.get(v).weights(), i,
                            path.get(v), 1e-5);
                    assertTrue(results.get(v).dualityGap()[i] <= 1e-7 * results.get(v).objective()[i]);
                }
            }
        }
    }
}
