package org.splicecbm.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Turns what a reader found into the dataset a run sees, in this order: the class filter
 * ({@code classes}, relabelled 0..k-1 in the given order), derived splits ({@code val}, {@code test}
 * carved out of train), then per-split limits. Every step keeps the reader's sample order.
 */
final class SplitPlanner {
    private SplitPlanner() {}

    static ImageDataset plan(DatasetContent content, DatasetConfig config, boolean applyClassFilter) {
        DatasetContent filtered = applyClassFilter && !config.classes().isEmpty()
                ? filterClasses(content, config.classes()) : content;
        Map<Split, List<Sample>> splits = new EnumMap<>(filtered.splits());
        derive(splits, Split.VAL, config.val(), filtered.name());
        derive(splits, Split.TEST, config.test(), filtered.name());
        for (Split split : Split.values()) {
            applyLimit(splits, split, config);
        }
        return new MaterializedDataset(filtered.withSplits(splits));
    }

    /** Keeps the named classes and relabels them 0..k-1 in the order given. */
    static DatasetContent filterClasses(DatasetContent content, List<String> keep) {
        Map<Integer, Integer> newLabel = new HashMap<>();
        for (int i = 0; i < keep.size(); i++) {
            int old = content.classNames().indexOf(keep.get(i));
            InvalidArgumentException.require(old >= 0, "dataset.classes", "name classes of " + content.name()
                    + " (valid: " + content.classNames() + ")", keep.get(i));
            newLabel.put(old, i);
        }
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        content.splits().forEach((split, samples) -> {
            List<Sample> kept = new ArrayList<>();
            for (Sample s : samples) {
                Integer label = newLabel.get(s.label());
                if (label != null) {
                    kept.add(new Sample(s.id(), label, s.source(), s.groups()));
                }
            }
            splits.put(split, kept);
        });
        return new DatasetContent(content.name(), keep, splits);
    }

    private static void derive(Map<Split, List<Sample>> splits, Split target, DerivedSplit spec, String name) {
        if (spec == null) {
            return;
        }
        String key = "dataset." + target.key();
        if (splits.containsKey(target)) {
            throw InvalidArgumentException.invalid(key, "be absent: " + name + " already defines a " + target.key() + " split ("
                    + splits.get(target).size() + " samples); remove " + key + " to use it", "a derived split");
        }
        List<Sample> train = splits.get(Split.TRAIN);
        int n = train == null ? 0 : train.size();
        int count = (int) Math.round(spec.fraction() * n);
        InvalidArgumentException.require(count >= 1 && count < n, key + ".fraction", "leave at least one sample on each side ("
                + n + " training samples)", spec.fraction());
        BitSet chosen = SeededSelection.choose(train, count, spec.seed());
        splits.put(target, pick(train, chosen, true));
        splits.put(Split.TRAIN, pick(train, chosen, false));
    }

    private static void applyLimit(Map<Split, List<Sample>> splits, Split split, DatasetConfig config) {
        config.limit().of(split).ifPresent(cap -> {
            List<Sample> samples = splits.get(split);
            InvalidArgumentException.require(samples != null, "dataset.limit." + split.key(),
                    "limit a split the dataset has (" + splits.keySet() + ")", cap);
            if (samples.size() > cap) {
                splits.put(split, pick(samples, SeededSelection.choose(samples, cap, config.limit().seed()), true));
            } else if (samples.size() < cap) {
                System.err.printf(java.util.Locale.ROOT, "note: dataset.limit.%s is %,d but the %s split has %,d samples;"
                        + " all %,d are used (recorded as the feature set's rows)%n", split.key(), cap, split.key(),
                        samples.size(), samples.size());
            }
        });
    }

    private static List<Sample> pick(List<Sample> samples, BitSet chosen, boolean inChosen) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (chosen.get(i) == inChosen) {
                out.add(samples.get(i));
            }
        }
        return out;
    }
}
