package org.splicecbm.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.probe.FeatureFingerprint;
import org.splicecbm.probe.FeatureSpace;
import org.splicecbm.probe.TrainingData;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.SkippedImage;

/**
 * Training data for {@link TrainingRun}: the feature sets a config's {@code features} run wrote, as training data: rows, labels, class names
 * from the dataset, and group labels (e.g. Waterbirds label x place) for worst-group accuracy.
 */
public record FeatureSplits(Map<Split, TrainingData> data, Map<Split, FeatureSet> sets, Map<Integer, String> groupNames) {

    /** Reads the feature sets the config's feature stage wrote. */
    public static FeatureSplits load(RunConfig config) throws IOException {
        Path dir = FeaturePipeline.featureDir(config.features());
        if (!Files.isDirectory(dir.resolve(Split.TRAIN.key()))) {
            throw new IllegalStateException("no training features at " + dir.resolve(Split.TRAIN.key())
                    + "; run ./splice features --config <this config> first (with the same concepts and splice.l1_penalty)");
        }
        ImageDataset dataset = Datasets.open(config.dataset());
        Map<Split, TrainingData> data = new EnumMap<>(Split.class);
        Map<Split, FeatureSet> sets = new EnumMap<>(Split.class);
        Map<String, Integer> groupIds = new TreeMap<>();
        for (Split split : Split.values()) {
            Path setDir = dir.resolve(split.key());
            if (!Files.isDirectory(setDir)) {
                continue;
            }
            FeatureSet set = FeatureSet.read(setDir);
            FeatureSpace space = new FeatureSpace(set.concepts(), dataset.classNames(), FeatureFingerprint.of(set.meta()));
            int[] labels = toInt(set.labels(), setDir.resolve(FeatureSet.LABELS).toString());
            int[] groups = groups(dataset, split, set, labels, groupIds);
            data.put(split, new TrainingData(space, set.features(), labels, groups));
            sets.put(split, set);
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        groupIds.forEach((name, id) -> names.put(id, name));
        return new FeatureSplits(data, sets, names);
    }

    /**
     * Feature sets already in memory (e.g. from {@code FeatureStage} or built by hand), without folders or a dataset:
     * {@code classNames} name the labels; no groups. Needs a {@code train} and a {@code val} split to train, {@code test}
     * to evaluate.
     */
    public static FeatureSplits of(Map<Split, FeatureSet> featureSets, List<String> classNames) {
        Map<Split, TrainingData> data = new EnumMap<>(Split.class);
        Map<Split, FeatureSet> sets = new EnumMap<>(Split.class);
        featureSets.forEach((split, set) -> {
            FeatureSpace space = new FeatureSpace(set.concepts(), classNames, FeatureFingerprint.of(set.meta()));
            data.put(split, new TrainingData(space, set.features(), toInt(set.labels(), "the " + split.key() + " labels"), null));
            sets.put(split, set);
        });
        return new FeatureSplits(data, sets, Map.of());
    }

    /** The training data of {@code split}; an error saying how to derive the split when it is missing. */
    public TrainingData require(Split split) {
        TrainingData d = data.get(split);
        if (d == null) {
            throw new IllegalStateException("the feature stage wrote no " + split.key() + " split; derive one in the"
                    + " dataset config, e.g. " + split.key() + ": {from: train, fraction: 0.1, seed: 0}, and rerun ./splice features");
        }
        return d;
    }

    private static int[] toInt(long[] labels, String source) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(source + " row " + i + ": label " + labels[i] + " is out of range");
            }
            out[i] = (int) labels[i];
        }
        return out;
    }

    /** Group = class name plus the sample's group attributes; null when the dataset defines no groups. */
    private static int[] groups(ImageDataset dataset, Split split, FeatureSet set, int[] labels,
                                Map<String, Integer> groupIds) throws IOException {
        Set<String> skipped = new HashSet<>();
        for (SkippedImage s : set.meta().skippedImages()) {
            skipped.add(s.id());
        }
        List<Sample> kept = dataset.samples(split).stream().filter(s -> !skipped.contains(s.id())).toList();
        if (kept.isEmpty() || kept.get(0).groups().isEmpty()) {
            return null;
        }
        if (kept.size() != labels.length) {
            throw new IllegalStateException("the " + split.key() + " features have " + labels.length + " rows but the dataset now lists "
                    + kept.size() + " images; the dataset changed since ./splice features ran: run it again");
        }
        int[] groups = new int[labels.length];
        for (int i = 0; i < groups.length; i++) {
            String name = dataset.classNames().get(labels[i]) + " | " + new TreeMap<>(kept.get(i).groups());
            groups[i] = groupIds.computeIfAbsent(name, k -> groupIds.size());
        }
        return groups;
    }
}
