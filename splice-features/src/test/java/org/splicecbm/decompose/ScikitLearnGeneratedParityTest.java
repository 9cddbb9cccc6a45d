package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity with scikit-learn's {@code Lasso(positive=True)} (SpLiCE's default solver) on problems
 * generated here, solved live by the reference: objectives within 1e-6 relative, for the Gram-matrix
 * solver, the residual-product solver and every value of an l1 path.
 */
class ScikitLearnGeneratedParityTest {
    private static final double RELATIVE_OBJECTIVE = 1e-6;
    private static final List<Double> PATH = List.of(0.25, 0.05, 0.12);

    @TempDir
    Path folder;

    @BeforeAll
    static void reference() throws IOException {
        ScikitLearnLasso.requireScikitLearn();
    }

    @Test
    void clipLikeProblemAlongAPath() throws IOException {
        ClipLikeProblem p = ClipLikeProblem.generate(400, 64, 10, 6, 0.8, 31);
        compare(p.dictionary, p.targets, SolverOptions.defaults().withThreads(2));
        compare(p.dictionary, p.targets, SolverOptions.defaults().withThreads(2).withGramBudgetBytes(0));
    }

    @Test
    void gaussianDictionaryWithMoreConceptsThanDimensions() throws IOException {
        float[][] dictionary = ClipLikeProblem.gaussianRows(250, 48, 32);
        float[][] targets = ClipLikeProblem.gaussianRows(8, 48, 33);
        compare(dictionary, targets, SolverOptions.defaults().withThreads(1));
    }

    private void compare(float[][] dictionary, float[][] targets, SolverOptions options) throws IOException {
        List<LassoResult> path;
        try (NonnegativeLasso solver = new NonnegativeLasso(dictionary, options)) {
            path = solver.solvePath(targets, PATH);
        }
        for (int v = 0; v < PATH.size(); v++) {
            double l1 = PATH.get(v);
            ScikitLearnLasso.Solution reference = ScikitLearnLasso.solve(folder, dictionary, targets, l1);
            for (int i = 0; i < targets.length; i++) {
                double expected = reference.objective()[i];
                double ours = ReferenceNonnegativeLasso.objective(dictionary, targets[i],
                        LassoAssertions.row(path.get(v).weights(), i), l1);
                assertEquals(expected, ours, RELATIVE_OBJECTIVE * expected, "objective at l1=" + l1 + ", row " + i);
                assertEquals(expected, path.get(v).objective()[i], RELATIVE_OBJECTIVE * expected,
                        "reported objective at l1=" + l1 + ", row " + i);
                assertTrue(path.get(v).dualityGap()[i] <= 1e-7 * path.get(v).objective()[i], "certified gap");
            }
        }
    }
}
