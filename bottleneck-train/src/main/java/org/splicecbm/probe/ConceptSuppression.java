package org.splicecbm.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves concept texts to feature columns for a concept intervention (SpLiCE section 6: removing
 * a concept, e.g. a spurious one, from the decomposition). An unknown concept is an error that lists
 * the closest vocabulary entries, since a silently ignored typo would leave the concept in place.
 */
public final class ConceptSuppression {
    private static final int SUGGESTIONS = 5;

    private ConceptSuppression() {}

    /** The column of every named concept, in the order given. */
    public static int[] resolve(List<String> concepts, List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = concepts.size() - 1; i >= 0; i--) {
            columns.put(concepts.get(i), i);
        }
        int[] resolved = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer column = columns.get(names.get(i).trim());
            if (column == null) {
                throw new IllegalArgumentException("unknown concept '" + names.get(i) + "' in probe.suppress_concepts: it is not in the "
                        + concepts.size() + "-concept vocabulary; closest: " + closest(concepts, names.get(i).trim()));
            }
            resolved[i] = column;
        }
        return resolved;
    }

    /** A column mask with the given columns set. */
    static boolean[] mask(int columns, int[] suppressed) {
        boolean[] mask = new boolean[columns];
        for (int col : suppressed) {
            mask[col] = true;
        }
        return mask;
    }

    static List<String> closest(List<String> concepts, String name) {
        List<String> candidates = new ArrayList<>(concepts);
        Map<String, Integer> distance = new HashMap<>();
        for (String concept : candidates) {
            distance.put(concept, editDistance(name, concept));
        }
        candidates.sort(Comparator.comparingInt((String c) -> distance.get(c)).thenComparing(Comparator.naturalOrder()));
        return candidates.subList(0, Math.min(SUGGESTIONS, candidates.size()));
    }

    /** Levenshtein distance, two rows of the table at a time. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
