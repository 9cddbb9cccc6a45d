package org.splicecbm.splice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Concept names to dictionary rows for SpLiCE's interventions (Bhalla et al., NeurIPS 2024, Sec. 6), by the rule of
 * the probe's concept suppression: a name is trimmed and matched exactly, the first row of a repeated concept wins,
 * and an unknown name is an error listing the closest concepts, since a silently ignored typo would leave the
 * concept in place.
 */
public final class ConceptNames {
    private static final int SUGGESTIONS = 5;

    private ConceptNames() {}

    /** The dictionary row of every name, in the order given. */
    public static int[] resolve(List<String> concepts, List<String> names) {
        return resolve(concepts, names, "");
    }

    /**
     * As {@link #resolve(List, List)}; {@code where} says where the names came from in the error (e.g.
     * {@code " in probe.suppress_concepts"}), empty for none.
     */
    public static int[] resolve(List<String> concepts, List<String> names, String where) {
        Map<String, Integer> rows = new HashMap<>();
        for (int i = concepts.size() - 1; i >= 0; i--) {
            rows.put(concepts.get(i), i);
        }
        int[] resolved = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer row = rows.get(names.get(i).trim());
            if (row == null) {
                throw new IllegalArgumentException("unknown concept '" + names.get(i) + "'" + where + ": it is not in the "
                        + concepts.size() + "-concept vocabulary; closest: " + closest(concepts, names.get(i).trim()));
            }
            resolved[i] = row;
        }
        return resolved;
    }

    /** The concepts nearest to {@code name} by edit distance, nearest first (ties alphabetical). */
    public static List<String> closest(List<String> concepts, String name) {
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
