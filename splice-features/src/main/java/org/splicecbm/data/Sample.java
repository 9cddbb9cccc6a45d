package org.splicecbm.data;

import java.util.Map;

/**
 * One labelled image of a dataset.
 *
 * @param id     stable identifier, unique within the dataset (e.g. the relative path); written to {@code items.txt}
 * @param label  class index in {@code [0, classNames.size())}
 * @param source how to decode its pixels
 * @param groups extra attributes used for group metrics (e.g. Waterbirds {@code place}); empty when none
 */
public record Sample(String id, int label, ImageSource source, Map<String, String> groups) {
    public Sample {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("sample id must be non-empty");
        }
        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            // items.txt of the embedding cache holds one id per line
            throw new IllegalArgumentException("sample id must be one line, found " + id.replace("\n", "\\n").replace("\r", "\\r"));
        }
        if (label < 0) {
            throw new IllegalArgumentException("label of " + id + " must be >= 0, found " + label);
        }
        groups = Map.copyOf(groups);
    }
}
