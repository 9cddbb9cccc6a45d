package org.splicecbm.data;

import java.io.IOException;
import java.util.List;

/**
 * A labelled image dataset split into train, validation and test partitions, in a fixed,
 * deterministic order (the order rows appear in feature files).
 */
public interface ImageDataset {
    /** Short name for metadata, e.g. {@code cifar10}. */
    String name();

    /** Class names in label order. */
    List<String> classNames();

    /** The samples of {@code split}, after limits and class filters, in deterministic order. */
    List<Sample> samples(Split split) throws IOException;
}
