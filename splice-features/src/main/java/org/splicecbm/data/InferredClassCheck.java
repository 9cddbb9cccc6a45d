package org.splicecbm.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * When the classes are inferred from a manifest's labels, a typo in one row silently becomes a class of its own.
 * This check reports a class with fewer than {@code dataset.min_class_samples} rows, and a class that has rows in
 * val or test but none in train (a probe cannot learn it), naming the class, its count and a manifest line, before
 * any image is decoded. {@code dataset.min_class_samples: 0} accepts both.
 */
final class InferredClassCheck {
    private InferredClassCheck() {}

    /**
     * @param firstLines manifest line of each class's first row, by class index
     */
    static void check(Path manifest, List<String> classes, Map<Split, List<Sample>> splits, int minSamples,
                      Map<Integer, Integer> firstLines) {
        if (minSamples <= 0) {
            return;
        }
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        int[] total = new int[classes.size()];
        splits.forEach((split, samples) -> {
            int[] c = counts.computeIfAbsent(split, s -> new int[classes.size()]);
            samples.forEach(s -> {
                c[s.label()]++;
                total[s.label()]++;
            });
        });
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            String where = firstLines.containsKey(k) ? " (" + manifest.getFileName() + " line " + firstLines.get(k) + ")" : "";
            if (total[k] < minSamples) {
                problems.add("class '" + classes.get(k) + "' has " + total[k] + " row" + (total[k] == 1 ? "" : "s") + where);
            } else if (counts.containsKey(Split.TRAIN) && counts.get(Split.TRAIN)[k] == 0) {
                problems.add("class '" + classes.get(k) + "' has no train rows, only val/test" + where);
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidArgumentException.invalid("dataset.min_class_samples", "hold for every class inferred from "
                    + manifest + " (at least " + minSamples + " rows, some in train)", String.join("; ", problems)
                    + ". A typo in a label becomes a class of its own: fix the label, list the classes in dataset.classes,"
                    + " or set dataset.min_class_samples: 0 to accept such classes");
        }
    }
}
