package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lazily computed, reused and compacted Gram columns always hold the exact products of their members. */
class GramColumnsTest {
    private static final SolverKernels EXACT = new ScalarKernels();

    @Test
    void columnsHoldExactProductsThroughGrowthAndCompaction() {
        float[][] dictionary = ClipLikeProblem.gaussianRows(120, 40, 61);
        Random random = new Random(62);
        GramColumns gram = new GramColumns(dictionary);
        int capacity = 0;
        int size = 0;
        int[] members = new int[0];
        double[] diagonal = new double[0];
        for (int step = 0; step < 3000; step++) {
            int action = random.nextInt(10);
            if (action < 3 && size < 100) { // add a concept not yet a member
                if (size + 1 > capacity) {
                    capacity = Math.max(size + 1, Math.max(4, 2 * capacity));
                    members = java.util.Arrays.copyOf(members, capacity);
                    diagonal = java.util.Arrays.copyOf(diagonal, capacity);
                    gram.ensureCapacity(capacity);
                }
                int concept = fresh(random, members, size, dictionary.length);
                members[size] = concept;
                diagonal[size] = EXACT.dot(dictionary[concept], dictionary[concept]);
                gram.reset(size);
                size++;
            } else if (action == 3 && size > 0) { // keep a random increasing subset
                int[] keep = new int[size];
                int kept = 0;
                for (int i = 0; i < size; i++) {
                    if (random.nextInt(4) != 0) {
                        keep[kept++] = i;
                    }
                }
                gram.compact(keep, kept, size);
                for (int n = 0; n < kept; n++) {
                    members[n] = members[keep[n]];
                    diagonal[n] = diagonal[keep[n]];
                }
                size = kept;
            } else if (size > 0) { // a weight moved: its column is needed
                int i = random.nextInt(size);
                int at = gram.column(i, members, diagonal, size);
                assertEquals(i * gram.stride(), at, "column " + i + " starts at i * stride");
                for (int k = 0; k < size; k++) {
                    double expected = EXACT.dot(dictionary[members[i]], dictionary[members[k]]);
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(gram.entries()[at + k]),
                            "entry (" + i + ", " + k + ") must be the exact product of concepts " + members[i] + " and "
                                    + members[k] + ", step " + step);
                }
                long dots = gram.exactDots();
                gram.column(i, members, diagonal, size);
                assertEquals(dots, gram.exactDots(), "a complete column must not be recomputed, step " + step);
            }
        }
    }

    private static int fresh(Random random, int[] members, int size, int concepts) {
        while (true) {
            int concept = random.nextInt(concepts);
            boolean taken = false;
            for (int i = 0; i < size; i++) {
                taken |= members[i] == concept;
            }
            if (!taken) {
                return concept;
            }
        }
    }
}
