package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Parity with SpLiCE's reference solver, scikit-learn {@code Lasso(alpha = l1/(2d), positive=True,
 * fit_intercept=False)}, on a committed fixture ({@code decompose/make_sklearn_fixture.py} made it;
 * sklearn's objective is ours divided by 2d, so the minimisers coincide).
 */
class ScikitLearnParityTest {

    @Test
    void matchesScikitLearnWeightsAndObjectives() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/decompose/sklearn_lasso_fixture.json")) {
            assertNotNull(in, "test resource decompose/sklearn_lasso_fixture.json is missing");
            fixture = new ObjectMapper().readTree(in);
        }
        float[][] dictionary = matrix(fixture.get("dictionary"));
        float[][] targets = matrix(fixture.get("targets"));
        try (NonnegativeLasso solver = new NonnegativeLasso(dictionary, SolverOptions.defaults().withThreads(2))) {
            for (JsonNode c : fixture.get("cases")) {
                double l1 = c.get("l1").asDouble();
                LassoResult result = solver.solve(targets, l1);
                for (int i = 0; i < targets.length; i++) {
                    double expected = c.get("objective").get(i).asDouble();
                    assertEquals(expected, result.objective()[i], 1e-7 * expected, "objective, l1=" + l1 + ", row " + i);
                    assertTrue(result.objective()[i] <= expected * (1 + 1e-10), "not worse than sklearn, row " + i);
                    float[] got = result.weights().denseRow(i);
                    JsonNode want = c.get("weights").get(i);
                    for (int j = 0; j < dictionary.length; j++) {
                        assertEquals(want.get(j).asDouble(), got[j], 1e-5, "weight " + j + ", l1=" + l1 + ", row " + i);
                    }
                }
            }
        }
    }

    private static float[][] matrix(JsonNode rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = rows.get(i);
            out[i] = new float[row.size()];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = Float.parseFloat(row.get(k).asText());
            }
        }
        return out;
    }
}
