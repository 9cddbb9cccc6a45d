package org.splicecbm.probe;

import java.util.List;
import org.splicecbm.splice.ConceptNames;

/**
 * Resolves concept texts to feature columns for a concept intervention (SpLiCE section 6: removing
 * a concept, e.g. a spurious one, from the decomposition). An unknown concept is an error that lists
 * the closest vocabulary entries, since a silently ignored typo would leave the concept in place.
 */
public final class ConceptSuppression {
    private ConceptSuppression() {}

    /** The column of every named concept, in the order given (the rule of {@link ConceptNames}). */
    public static int[] resolve(List<String> concepts, List<String> names) {
        return ConceptNames.resolve(concepts, names, " in probe.suppress_concepts");
    }

    /** A column mask with the given columns set. */
    static boolean[] mask(int columns, int[] suppressed) {
        boolean[] mask = new boolean[columns];
        for (int col : suppressed) {
            mask[col] = true;
        }
        return mask;
    }

    static int editDistance(String a, String b) {
        return ConceptNames.editDistance(a, b);
    }
}
