package org.splicecbm.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.splicecbm.splice.ConceptNames;

/**
 * Resolves names the user typed (concepts, classes) to indices in a known list; a name that is not there
 * is an error that offers the nearest known names by edit distance, so a typo is fixed in one step.
 *
 * @param what  what the names are, e.g. {@code concept}
 * @param known the valid names in index order
 */
public record NameLookup(String what, List<String> known) {

    /** Indices of {@code names} in {@link #known}; all unknown names are reported together. */
    public int[] indices(String option, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one " + what + " name");
        }
        int[] out = new int[names.size()];
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out[i] = known.indexOf(names.get(i));
            if (out[i] < 0) {
                problems.add("'" + names.get(i) + "' (nearest: " + String.join(", ", nearest(names.get(i), 5)) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(option + ": unknown " + what + (problems.size() > 1 ? "s " : " ")
                    + String.join("; ", problems) + "; names must match the " + what + " list exactly ("
                    + known.size() + " names)");
        }
        return out;
    }

    /** The {@code count} known names closest to {@code name} (Levenshtein distance, then alphabetical). */
    public List<String> nearest(String name, int count) {
        return known.stream().sorted(Comparator.comparingInt((String k) -> ConceptNames.editDistance(name.toLowerCase(), k.toLowerCase()))
                .thenComparing(Comparator.naturalOrder())).limit(count).toList();
    }
}
