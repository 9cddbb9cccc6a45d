package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splicecbm.decompose.DecompositionSummary.ConceptWeight;
import org.splicecbm.store.CsrMatrix;

class DecompositionSummaryTest {

    @Test
    void meansOverBatchesOverallAndPerClass() {
        // batch 1: row0 (class 7) w = {0: 0.4, 2: 0.2}; row1 (class 3) w = {1: 0.6}
        Decomposition first = new Decomposition(new CsrMatrix(2, 3, new float[] {0.4f, 0.2f, 0.6f},
                new int[] {0, 2, 1}, new long[] {0, 2, 3}), new int[] {2, 1}, new float[] {0.5f, 0.3f});
        // batch 2: row0 (class 7) w = {2: 0.8}, cosine NaN (zero embedding) excluded from the cosine mean
        Decomposition second = new Decomposition(new CsrMatrix(1, 3, new float[] {0.8f}, new int[] {2},
                new long[] {0, 1}), new int[] {1}, new float[] {Float.NaN});
        DecompositionSummary summary = new DecompositionSummary(3);
        summary.add(first, new int[] {7, 3});
        summary.add(second, new int[] {7});

        assertEquals(3, summary.count());
        assertEquals(4.0 / 3, summary.meanL0(), 1e-12);
        assertEquals(0.4, summary.meanCosine(), 1e-7);
        assertArrayEquals(new double[] {0.4 / 3, 0.6 / 3, 1.0 / 3}, summary.meanWeights(), 1e-7);
        assertEquals(List.of(2, 1), summary.topConcepts(2).stream().map(ConceptWeight::concept).toList());

        assertEquals(List.of(3, 7), summary.classes());
        assertEquals(2, summary.count(7));
        assertEquals(1.5, summary.meanL0(7), 1e-12);
        assertEquals(0.5, summary.meanCosine(7), 1e-7);
        assertArrayEquals(new double[] {0.2, 0, 0.5}, summary.meanWeights(7), 1e-7);
        assertEquals(List.of(2, 0), summary.topConcepts(7, 5).stream().map(ConceptWeight::concept).toList());
        assertEquals(List.of(1), summary.topConcepts(3, 5).stream().map(ConceptWeight::concept).toList());
        assertThrows(IllegalArgumentException.class, () -> summary.meanL0(4));
    }
}
