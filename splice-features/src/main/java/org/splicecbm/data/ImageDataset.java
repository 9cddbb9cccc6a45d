package org.splicecbm.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.splicecbm.store.Sha256;

/**
 * A labelled image dataset split into train, validation and test partitions, in a fixed,
 * deterministic order (the order rows appear in feature files). Open one with {@link Datasets#open}.
 */
public interface ImageDataset {
    /** Short name for metadata, e.g. {@code cifar10}. */
    String name();

    /** Class names in label order. */
    List<String> classNames();

    /**
     * The samples of {@code split}, after limits and class filters, in deterministic order.
     *
     * @throws IllegalArgumentException when {@code split} is not one of {@link #splits()} (the message says how to derive it)
     */
    List<Sample> samples(Split split) throws IOException;

    /** The splits this dataset has; {@link #samples} of any other split throws. */
    default Set<Split> splits() {
        return EnumSet.allOf(Split.class);
    }

    /**
     * A content fingerprint of {@code split} (64 hex digits) for cache keys: SHA-256 over the dataset
     * name, the class names, and per sample its id, label and {@link ImageSource#fingerprint()}
     * (for files: size and modification time; for CIFAR records: the batch file's SHA-256 and the
     * record index). It changes when a split's membership, order, labels or image files change, and
     * is equal across runs and machines for the same data.
     */
    default String fingerprint(Split split) throws IOException {
        MessageDigest sha = Sha256.digest();
        update(sha, name());
        update(sha, String.join("\u0001", classNames()));
        for (Sample s : samples(split)) {
            update(sha, s.id() + '\u0001' + s.label() + '\u0001' + s.source().fingerprint());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * What the embedding cache of {@code split} is keyed by (64 hex digits): the dataset name, the class
     * names, and per sample its id and label, in order. Unlike {@link #fingerprint} it touches no image,
     * so a complete cache serves later runs with the images moved away; {@link SourceStamps} recorded in
     * the cache notice a changed image instead.
     */
    default String membershipFingerprint(Split split) throws IOException {
        MessageDigest sha = Sha256.digest();
        update(sha, name());
        update(sha, String.join("\u0001", classNames()));
        for (Sample s : samples(split)) {
            update(sha, s.id() + '\u0001' + s.label());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

}
