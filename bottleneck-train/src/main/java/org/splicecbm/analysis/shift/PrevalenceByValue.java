package org.splicecbm.analysis.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.store.CsrMatrix;

/**
 * A concept's prevalence along a manifest column (model year, crawl, camera): for each value, the share of
 * its images where the concept is active, with a Wilson interval (the paper's Fig. 12: "convertible" and
 * "yellow" across Stanford Cars model years). Values sort numerically when all are numbers.
 *
 * @param values  the column's distinct values in plot order
 * @param byConcept concept name -> one proportion per value
 */
public record PrevalenceByValue(String column, List<String> values, Map<String, List<Proportion>> byConcept) {

    /** Counts, for each chosen concept (column index in {@code features}), its active images per value. */
    public static PrevalenceByValue of(String column, CsrMatrix features, List<String> rowValues, List<String> conceptNames,
                                       int[] conceptColumns) {
        if (rowValues.size() != features.rows()) {
            throw new IllegalArgumentException(rowValues.size() + " column values for " + features.rows() + " rows");
        }
        List<String> values = sorted(rowValues);
        Map<String, Integer> slot = new TreeMap<>();
        values.forEach(v -> slot.put(v, slot.size()));
        long[] images = new long[values.size()];
        long[][] active = new long[conceptColumns.length][values.size()];
        for (int r = 0; r < features.rows(); r++) {
            int s = slot.get(rowValues.get(r));
            images[s]++;
            for (long k = features.indptr()[r]; k < features.indptr()[r + 1]; k++) {
                for (int c = 0; c < conceptColumns.length; c++) {
                    if (features.indices()[(int) k] == conceptColumns[c] && features.data()[(int) k] != 0f) {
                        active[c][s]++;
                    }
                }
            }
        }
        Map<String, List<Proportion>> byConcept = new java.util.LinkedHashMap<>();
        for (int c = 0; c < conceptColumns.length; c++) {
            List<Proportion> row = new ArrayList<>();
            for (int s = 0; s < values.size(); s++) {
                row.add(new Proportion(active[c][s], images[s]));
            }
            byConcept.put(conceptNames.get(c), row);
        }
        return new PrevalenceByValue(column, values, byConcept);
    }

    private static List<String> sorted(List<String> rowValues) {
        List<String> distinct = new ArrayList<>(new java.util.TreeSet<>(rowValues));
        boolean numeric = distinct.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
        if (numeric) {
            distinct.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return distinct;
    }
}
