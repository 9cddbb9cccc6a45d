package org.splicecbm.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader found on disk, before class filters, derived splits and limits: the class names in
 * label order and the samples of each split the dataset itself defines, in the reader's
 * deterministic order.
 *
 * @param name       short dataset name for metadata
 * @param classNames class names in label order
 * @param splits     samples per defined split (splits the dataset does not define are absent)
 */
record DatasetContent(String name, List<String> classNames, Map<Split, List<Sample>> splits) {
    DatasetContent {
        classNames = List.copyOf(classNames);
        EnumMap<Split, List<Sample>> copy = new EnumMap<>(Split.class);
        splits.forEach((split, samples) -> copy.put(split, List.copyOf(samples)));
        splits = java.util.Collections.unmodifiableMap(copy);
    }

    DatasetContent withSplits(Map<Split, List<Sample>> newSplits) {
        return new DatasetContent(name, classNames, newSplits);
    }
}
