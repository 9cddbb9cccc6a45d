package org.splicecbm.data;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A dataset whose splits are fully listed in memory (sample lists only; pixels stay on disk). */
final class MaterializedDataset implements ImageDataset {
    private final DatasetContent content;
    private final Map<Split, String> fingerprints = new ConcurrentHashMap<>();

    MaterializedDataset(DatasetContent content) {
        this.content = content;
    }

    @Override
    public String name() {
        return content.name();
    }

    @Override
    public List<String> classNames() {
        return content.classNames();
    }

    @Override
    public Set<Split> splits() {
        return content.splits().keySet();
    }

    @Override
    public List<Sample> samples(Split split) {
        List<Sample> samples = content.splits().get(split);
        if (samples == null) {
            throw new IllegalArgumentException(name() + " has no " + split.key() + " split (it has "
                    + content.splits().keySet() + "); derive one in the dataset config, e.g. "
                    + split.key() + ": {from: train, fraction: 0.1, seed: 0}");
        }
        return samples;
    }

    /** Computed once per split: the listing is fixed when the dataset is opened. */
    @Override
    public String fingerprint(Split split) throws IOException {
        String known = fingerprints.get(split);
        if (known == null) {
            known = ImageDataset.super.fingerprint(split);
            fingerprints.put(split, known);
        }
        return known;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name()).append(" (").append(classNames().size()).append(" classes");
        content.splits().forEach((split, samples) -> b.append(", ").append(split.key()).append(' ').append(samples.size()));
        return b.append(')').toString();
    }
}
